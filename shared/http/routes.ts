import type { z } from 'zod';
import type { Role } from '../domain/identity.ts';
import { AuditTrail } from './schemas/audit.ts';
import { Workdays, WorkdaysQuery, YearBody, YearPath } from './schemas/calendar.ts';
import {
  Application,
  ApplyRequest,
  CaseIdPath,
  CasePage,
  CaseView,
  ExtensionBody,
  ListCasesQuery,
  OverdueCasePage,
  PauseBody,
  ResumeBody,
  ResumeWorkflowBody,
  ReviewTaskView,
  StaffCasePage,
  StaffCaseView,
  StalledCasePage,
  SupplementBody,
  TaskDecisionBody,
  TaskIdPath,
  TaskPage,
  VerificationBody,
  WindowApplication,
  WithdrawBody,
} from './schemas/cases.ts';
import {
  Adjustment,
  AdjustmentIdPath,
  AdjustmentPage,
  AdjustmentRequestBody,
  AtQuery,
  BaseCodePath,
  BaseItemVersion,
  CatalogExport,
  DecisionBody,
  GuideView,
  ImplementationCodePath,
  ListAdjustmentsQuery,
  ListMattersQuery,
  MatterPage,
  RegionList,
  Suggestions,
  SuggestQuery,
} from './schemas/catalog.ts';
import { ErrorBody } from './schemas/common.ts';
import { IntegrationFailurePage } from './schemas/integrations.ts';
import { HeldLicencePage, WalkInLicencesBody } from './schemas/licences.ts';
import { MaterialDownload, MaterialPath, UploadInstructions, UploadRequest } from './schemas/materials.ts';
import { ListMessagesQuery, MessageIdPath, MessagePage, MessageView } from './schemas/messages.ts';
import { Health, Me } from './schemas/platform.ts';

/** What a capability's function may touch; the API stack turns each into least-privilege grants. */
export type Permission =
  | 'matters:read'
  | 'matters:write'
  | 'cases:read'
  | 'cases:write'
  | 'workflow:start'
  | 'workflow:callback'
  | 'workflow:stop'
  | 'materials:write'
  | 'materials:read'
  | 'catalog-index:read'
  | 'engines:describe'
  /** Compute ID hashes (KMS GenerateMac on the HMAC key): only where ID numbers are typed in. */
  | 'identity:hash'
  /** Sign and check list cursors, with a key derived from the paging key (KMS GenerateMac, once). */
  | 'paging'
  /** Put new items only (an audit record of a read or a download): no update, no delete. */
  | 'cases:append';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The handler file under functions/; one function per file, whatever its number of routes. */
  handler: string;
  /** public, or the user pool whose tokens the route's JWT authorizer accepts. */
  auth: 'public' | 'citizens' | 'staff';
  /**
   * Who may call it: the roles whose request is let through to the resource (which may still be another's:
   * a citizen sees only their own cases, staff only their department's and region's). The authorization
   * matrix test (test/integration/authorization.test.ts) holds every route to it, for every role.
   */
  roles: readonly Caller[];
  summary: string;
  tag: string;
  request?: { path?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  responses: Partial<
    Record<200 | 201 | 202 | 400 | 403 | 404 | 409 | 503, { description: string; schema?: z.ZodType }>
  >;
  permissions: Permission[];
}

/** A caller: a role, or nobody signed in. */
export type Caller = Role | 'anonymous';
const EVERYONE: readonly Caller[] = [
  'anonymous',
  'citizen',
  'enterprise',
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
];
const CITIZENS: readonly Caller[] = ['citizen', 'enterprise'];
/** Every staff role: who they are is all the security and audit administrators read outside the audit routes. */
const STAFF: readonly Caller[] = [
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
];

const notFound = { description: 'No such resource (or not yours to see)', schema: ErrorBody };
const invalid = { description: 'The request is not valid: the code says why', schema: ErrorBody };
const forbidden = { description: 'Not allowed for your role, region or department', schema: ErrorBody };

/**
 * Every route of the HTTP API. The API stack builds its functions and routes from this list and the OpenAPI
 * document is generated from it, with the same zod schemas the handlers validate requests with.
 */
export const ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/health',
    handler: 'platform/health.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'Whether every engine the platform depends on answers',
    tag: 'platform',
    responses: {
      200: { description: 'All engines up', schema: Health },
      503: { description: 'Degraded', schema: Health },
    },
    permissions: ['engines:describe', 'matters:read'],
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'platform/openapi.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'This document: the OpenAPI 3.1 description of the API',
    tag: 'platform',
    responses: { 200: { description: 'OpenAPI 3.1' } },
    permissions: [],
  },
  {
    method: 'GET',
    path: '/api/me',
    handler: 'identity/me.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Who the signed-in citizen or enterprise is, personal data masked',
    tag: 'identity',
    responses: { 200: { description: 'The caller', schema: Me } },
    permissions: [],
  },
  {
    method: 'GET',
    path: '/api/staff/me',
    handler: 'identity/me.ts',
    auth: 'staff',
    roles: STAFF,
    summary: 'Who the signed-in staff member is: roles, region, department',
    tag: 'identity',
    responses: { 200: { description: 'The caller', schema: Me } },
    permissions: [],
  },
  {
    method: 'GET',
    path: '/api/calendar/workdays',
    handler: 'calendar/workdays.ts',
    auth: 'public',
    roles: EVERYONE,
    summary:
      'The date N working days after a date (the acceptance day not counted), by the State Council calendar',
    tag: 'calendar',
    request: { query: WorkdaysQuery },
    responses: { 200: { description: 'The date', schema: Workdays }, 400: invalid },
    permissions: ['matters:read'],
  },
  {
    method: 'PUT',
    path: '/api/calendar/years/{year}',
    handler: 'calendar/load-year.ts',
    auth: 'staff',
    roles: ['admin'],
    summary: "Load a year's holidays and make-up working days (admin), so the legal clock can count into it",
    tag: 'calendar',
    request: { path: YearPath, body: YearBody },
    responses: { 200: { description: 'Loaded', schema: YearBody }, 400: invalid, 403: forbidden },
    permissions: ['matters:read', 'matters:write'],
  },
  {
    method: 'POST',
    path: '/api/cases',
    handler: 'cases/submit.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary:
      'Apply for a matter, or start a draft to upload its files to first (Idempotency-Key header required)',
    tag: 'cases',
    request: { body: ApplyRequest },
    responses: {
      201: { description: 'Submitted (or kept as a draft)', schema: CaseView },
      200: { description: 'The case this Idempotency-Key created before', schema: CaseView },
      400: invalid,
      404: notFound,
      409: { description: 'Idempotency-Key already used for another request', schema: ErrorBody },
    },
    permissions: ['matters:read', 'cases:read', 'cases:write', 'workflow:start'],
  },
  {
    method: 'PUT',
    path: '/api/cases/{id}/draft',
    handler: 'cases/submit.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Keep my draft as filled in so far (nothing is checked until it is submitted)',
    tag: 'cases',
    request: { path: CaseIdPath, body: Application },
    responses: {
      200: { description: 'Kept', schema: CaseView },
      400: invalid,
      404: notFound,
      409: { description: 'Submitted already, or changed meanwhile', schema: ErrorBody },
    },
    permissions: ['matters:read', 'cases:read', 'cases:write', 'workflow:start'],
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/submission',
    handler: 'cases/submit.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary:
      'Submit my draft with its uploaded files (Idempotency-Key header required); the version in force is pinned',
    tag: 'cases',
    request: { path: CaseIdPath, body: Application },
    responses: {
      200: { description: 'Submitted (or submitted before by this Idempotency-Key)', schema: CaseView },
      400: invalid,
      404: notFound,
      409: {
        description: 'Submitted already, or the Idempotency-Key was used for another request',
        schema: ErrorBody,
      },
    },
    permissions: ['matters:read', 'cases:read', 'cases:write', 'workflow:start'],
  },
  {
    method: 'GET',
    path: '/api/cases',
    handler: 'cases/read.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'My cases, newest first',
    tag: 'cases',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: CasePage }, 400: invalid },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/cases/{id}',
    handler: 'cases/read.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'One of my cases: status, one-time notice, obligations and timeline',
    tag: 'cases',
    request: { path: CaseIdPath },
    responses: { 200: { description: 'The case', schema: CaseView }, 400: invalid, 404: notFound },
    permissions: ['cases:read', 'matters:read'],
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/withdraw',
    handler: 'cases/withdraw.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Withdraw my application before a decision',
    tag: 'cases',
    request: { path: CaseIdPath, body: WithdrawBody },
    responses: {
      200: { description: 'Withdrawn', schema: CaseView },
      400: invalid,
      404: notFound,
      409: { description: 'Too late to withdraw, or changed meanwhile', schema: ErrorBody },
    },
    permissions: ['cases:read', 'cases:write', 'workflow:stop'],
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/supplements',
    handler: 'cases/supplement.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Answer the one-time notice (补正): the case is pre-checked again',
    tag: 'cases',
    request: { path: CaseIdPath, body: SupplementBody },
    responses: {
      200: { description: 'Corrected', schema: CaseView },
      400: invalid,
      404: notFound,
      409: { description: 'No correction was requested, or the case changed meanwhile', schema: ErrorBody },
    },
    permissions: ['cases:read', 'cases:write', 'workflow:callback'],
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/materials',
    handler: 'materials/upload-url.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary:
      'Ask to upload a material of my case: a URL limited to the declared type and size; checked after upload',
    tag: 'materials',
    request: { path: CaseIdPath, body: UploadRequest },
    responses: {
      201: { description: 'Upload URL', schema: UploadInstructions },
      400: invalid,
      404: notFound,
      409: { description: 'The case no longer takes materials', schema: ErrorBody },
    },
    permissions: ['cases:read', 'cases:write', 'matters:read', 'materials:write'],
  },
  {
    method: 'GET',
    path: '/api/cases/{id}/materials/{materialId}',
    handler: 'materials/download-url.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Download the accepted file of a material of my case (a 5-minute URL)',
    tag: 'materials',
    request: { path: MaterialPath },
    responses: {
      200: { description: 'Download URL', schema: MaterialDownload },
      400: invalid,
      404: notFound,
    },
    // Each download is put on the case's audit trail.
    permissions: ['cases:read', 'materials:read', 'cases:append'],
  },
  {
    method: 'GET',
    path: '/api/staff/cases/{id}/materials/{materialId}',
    handler: 'materials/download-url.ts',
    auth: 'staff',
    roles: ['window', 'reviewer', 'supervisor', 'admin'],
    summary: "Download the accepted file of a material of a case I may read (its reviewers'; a 5-minute URL)",
    tag: 'materials',
    request: { path: MaterialPath },
    responses: {
      200: { description: 'Download URL', schema: MaterialDownload },
      400: invalid,
      403: forbidden,
      404: notFound,
    },
    // Each download is put on the case's audit trail.
    permissions: ['cases:read', 'materials:read', 'cases:append'],
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/verification',
    handler: 'cases/verification.ts',
    auth: 'staff',
    roles: ['reviewer'],
    summary: 'Record the verification of a commitment: true closes it; false revokes the decision (审管协同)',
    tag: 'cases',
    request: { path: CaseIdPath, body: VerificationBody },
    responses: {
      200: { description: 'Verified, or revoked', schema: CaseView },
      400: invalid,
      403: forbidden,
      404: notFound,
      409: { description: 'Nothing to verify on this case, or it changed meanwhile', schema: ErrorBody },
    },
    permissions: ['cases:read', 'cases:write'],
  },
  ...(
    [
      [
        '/pauses',
        'Stop the legal clock for a special procedure (时限中止): a handler of the case',
        PauseBody,
      ],
      ['/pauses/end', 'The special procedure is over: the clock runs again', ResumeBody],
      [
        '/extensions',
        'Extend the period (延长), approved by a supervisor for the head of the body',
        ExtensionBody,
      ],
    ] as const
  ).map(
    ([suffix, summary, body]): RouteSpec => ({
      method: 'POST',
      path: `/api/staff/cases/{id}${suffix}`,
      handler: 'cases/clock.ts',
      auth: 'staff',
      // Pauses are a handler's (reviewer, window), extensions a supervisor's: the handler tells them apart.
      roles: ['reviewer', 'window', 'supervisor'],
      summary,
      tag: 'cases',
      request: { path: CaseIdPath, body },
      responses: {
        200: { description: 'The case with its clock', schema: CaseView },
        400: invalid,
        403: forbidden,
        404: notFound,
        409: {
          description: 'The clock is not running, already paused, or beyond the statute',
          schema: ErrorBody,
        },
      },
      permissions: ['cases:read', 'cases:write', 'matters:read'],
    }),
  ),
  {
    method: 'GET',
    path: '/api/licences',
    handler: 'licences/held.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'The e-licences I hold (电子证照): what I can offer instead of a copy (免证办)',
    tag: 'licences',
    responses: { 200: { description: 'My e-licences', schema: HeldLicencePage } },
    permissions: ['cases:read'],
  },
  {
    method: 'POST',
    path: '/api/window/licences',
    handler: 'licences/walk-in.ts',
    auth: 'staff',
    roles: ['window'],
    summary: 'The e-licences a walk-in holds, by the number they show at the window (免证办 at the counter)',
    tag: 'licences',
    request: { body: WalkInLicencesBody },
    responses: {
      200: { description: 'Their e-licences', schema: HeldLicencePage },
      400: invalid,
      403: forbidden,
    },
    permissions: ['cases:read', 'identity:hash'],
  },
  {
    method: 'GET',
    path: '/api/messages',
    handler: 'messages/list-messages.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'My messages, newest first: every change to my cases I should know of, in zh-CN and English',
    tag: 'messages',
    request: { query: ListMessagesQuery },
    responses: { 200: { description: 'One page', schema: MessagePage }, 400: invalid },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'POST',
    path: '/api/messages/{id}/read',
    handler: 'messages/mark-read.ts',
    auth: 'citizens',
    roles: CITIZENS,
    summary: 'Mark one of my messages read',
    tag: 'messages',
    request: { path: MessageIdPath },
    responses: { 200: { description: 'Read', schema: MessageView }, 400: invalid, 404: notFound },
    permissions: ['cases:read', 'cases:write'],
  },
  {
    method: 'GET',
    path: '/api/tasks',
    handler: 'tasks/inbox.ts',
    auth: 'staff',
    roles: ['reviewer', 'supervisor'],
    summary: "A reviewer's inbox: open review tasks of their department and region, earliest deadline first",
    tag: 'tasks',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: TaskPage }, 400: invalid, 403: forbidden },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'POST',
    path: '/api/tasks/{id}/decision',
    handler: 'tasks/inbox.ts',
    auth: 'staff',
    roles: ['reviewer', 'supervisor'],
    summary: 'Approve, deny (with a reason) or return for correction (with a reason); the workflow resumes',
    tag: 'tasks',
    request: { path: TaskIdPath, body: TaskDecisionBody },
    responses: {
      200: { description: 'Decided', schema: ReviewTaskView },
      400: invalid,
      403: forbidden,
      404: notFound,
      409: {
        description: 'Decided already, or the case cannot take it yet (deferred materials still awaited)',
        schema: ErrorBody,
      },
    },
    permissions: ['cases:read', 'cases:write', 'workflow:callback', 'paging'],
  },
  {
    method: 'POST',
    path: '/api/window/cases',
    handler: 'window/take-in.ts',
    auth: 'staff',
    roles: ['window'],
    summary:
      "Window staff submit an application on a citizen's or enterprise's behalf (一窗受理, 帮办代办); Idempotency-Key required",
    tag: 'window',
    request: { body: WindowApplication },
    responses: {
      201: { description: 'Submitted', schema: StaffCaseView },
      200: { description: 'The case this Idempotency-Key created before', schema: StaffCaseView },
      400: invalid,
      403: {
        description:
          "Not window staff, or the matter's cross-region scope (通办范围) does not reach this window",
        schema: ErrorBody,
      },
      404: notFound,
      409: { description: 'Idempotency-Key already used for another request', schema: ErrorBody },
    },
    permissions: ['matters:read', 'cases:read', 'cases:write', 'workflow:start', 'identity:hash'],
  },
  {
    method: 'GET',
    path: '/api/window/cases',
    handler: 'window/taken-in.ts',
    auth: 'staff',
    roles: ['window'],
    summary: 'The cases I took in at the window, newest first',
    tag: 'window',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: StaffCasePage }, 400: invalid, 403: forbidden },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/staff/cases/{id}',
    handler: 'cases/staff-read.ts',
    auth: 'staff',
    roles: ['window', 'reviewer', 'supervisor', 'admin'],
    summary:
      'One case as staff see it (its handling department and region, the window that took it in, supervisors, admins)',
    tag: 'cases',
    request: { path: CaseIdPath },
    responses: {
      200: { description: 'The case, personal data masked', schema: StaffCaseView },
      400: invalid,
      403: forbidden,
      404: notFound,
    },
    // Each read is put on the case's audit trail (who looked, and when), which its holder sees.
    permissions: ['cases:read', 'matters:read', 'cases:append'],
  },
  {
    method: 'GET',
    path: '/api/audit/cases/{id}',
    handler: 'audit/case-trail.ts',
    auth: 'staff',
    roles: ['audit-admin'],
    summary:
      "A case's audit trail — every change, staff read and download, with who and when — for the audit administrator",
    tag: 'audit',
    request: { path: CaseIdPath },
    responses: {
      200: { description: 'The audit records, oldest first', schema: AuditTrail },
      400: invalid,
      403: forbidden,
      404: notFound,
    },
    permissions: ['cases:read'],
  },
  {
    method: 'GET',
    path: '/api/staff/escalations',
    handler: 'tasks/escalations.ts',
    auth: 'staff',
    roles: ['supervisor', 'admin'],
    summary: 'Review tasks that ran out of time and were escalated (督办), in my region: supervisors, admins',
    tag: 'tasks',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: TaskPage }, 400: invalid, 403: forbidden },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/staff/stalled',
    handler: 'cases/stalled.ts',
    auth: 'staff',
    roles: ['supervisor', 'admin'],
    summary:
      'Cases whose workflow failed for good and waits to be resumed, in my region: supervisors, admins',
    tag: 'cases',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: StalledCasePage }, 400: invalid, 403: forbidden },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'POST',
    path: '/api/staff/cases/{id}/resume',
    handler: 'cases/resume.ts',
    auth: 'staff',
    roles: ['supervisor', 'admin'],
    summary: 'Resume the workflow of a stalled case once the cause is fixed: its supervisors, admins',
    tag: 'cases',
    request: { path: CaseIdPath, body: ResumeWorkflowBody },
    responses: {
      200: { description: 'Resumed', schema: CaseView },
      400: invalid,
      403: forbidden,
      404: notFound,
      409: { description: 'The workflow has not stalled', schema: ErrorBody },
    },
    permissions: ['cases:read', 'cases:write', 'workflow:start'],
  },
  {
    method: 'GET',
    path: '/api/staff/overdue',
    handler: 'cases/overdue.ts',
    auth: 'staff',
    roles: ['supervisor', 'admin'],
    summary: 'Undecided cases past their legal deadline (红灯), in my region: supervisors, admins',
    tag: 'cases',
    request: { query: ListCasesQuery },
    responses: { 200: { description: 'One page', schema: OverdueCasePage }, 400: invalid, 403: forbidden },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/integrations/failures',
    handler: 'integrations/failures.ts',
    auth: 'staff',
    roles: ['admin'],
    summary:
      'Answers of department systems that changed nothing (invalid or unmatched), newest first: admins',
    tag: 'integrations',
    request: { query: ListCasesQuery },
    responses: {
      200: { description: 'One page', schema: IntegrationFailurePage },
      400: invalid,
      403: forbidden,
    },
    permissions: ['cases:read', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/regions',
    handler: 'catalog/list-regions.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'The administrative regions of the province (GB/T 2260)',
    tag: 'catalog',
    responses: { 200: { description: 'Regions', schema: RegionList } },
    permissions: ['matters:read'],
  },
  {
    method: 'GET',
    path: '/api/matters',
    handler: 'catalog/search-matters.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'Find matters: Chinese full text, colloquial words, pinyin and initials, with filters',
    tag: 'catalog',
    request: { query: ListMattersQuery },
    responses: { 200: { description: 'One page of matters, best first', schema: MatterPage }, 400: invalid },
    permissions: ['catalog-index:read'],
  },
  {
    method: 'GET',
    path: '/api/matters/suggest',
    handler: 'catalog/search-matters.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'Suggestions for the search box as the citizen types (characters, pinyin or initials)',
    tag: 'catalog',
    request: { query: SuggestQuery },
    responses: { 200: { description: 'Matter names, best first', schema: Suggestions }, 400: invalid },
    permissions: ['catalog-index:read'],
  },
  {
    method: 'GET',
    path: '/api/matters/{implementationCode}',
    handler: 'catalog/get-matter.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'The guide (办事指南) of one implementation item, in the version in force (or at ?at=)',
    tag: 'catalog',
    request: { path: ImplementationCodePath, query: AtQuery },
    responses: { 200: { description: 'The guide', schema: GuideView }, 400: invalid, 404: notFound },
    permissions: ['matters:read'],
  },
  {
    method: 'GET',
    path: '/api/catalog/base/{baseCode}',
    handler: 'catalog/get-base-item.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'A base item (基本目录事项): the parts identical across the province',
    tag: 'catalog',
    request: { path: BaseCodePath, query: AtQuery },
    responses: {
      200: { description: 'The base item', schema: BaseItemVersion },
      400: invalid,
      404: notFound,
    },
    permissions: ['matters:read'],
  },
  {
    method: 'POST',
    path: '/api/catalog/adjustments',
    handler: 'catalog/adjustments.ts',
    auth: 'staff',
    roles: ['reviewer', 'supervisor'],
    summary: "A department proposes a change to its region's implementation item (调整申请)",
    tag: 'catalog',
    request: { body: AdjustmentRequestBody },
    responses: {
      201: { description: 'Proposed', schema: Adjustment },
      400: invalid,
      403: forbidden,
      404: notFound,
    },
    permissions: ['matters:read', 'matters:write', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/catalog/adjustments',
    handler: 'catalog/adjustments.ts',
    auth: 'staff',
    roles: ['reviewer', 'supervisor', 'admin'],
    summary: 'Adjustment requests: a department sees its own, the service-management office all',
    tag: 'catalog',
    request: { query: ListAdjustmentsQuery },
    responses: { 200: { description: 'One page', schema: AdjustmentPage }, 400: invalid, 403: forbidden },
    permissions: ['matters:read', 'paging'],
  },
  {
    method: 'POST',
    path: '/api/catalog/adjustments/{id}/decision',
    handler: 'catalog/adjustments.ts',
    auth: 'staff',
    roles: ['admin'],
    summary: 'The service-management office approves (publishing a new version) or rejects a request',
    tag: 'catalog',
    request: { path: AdjustmentIdPath, body: DecisionBody },
    responses: {
      200: { description: 'Decided', schema: Adjustment },
      400: invalid,
      403: forbidden,
      404: notFound,
      409: { description: 'Already decided', schema: ErrorBody },
    },
    permissions: ['matters:read', 'matters:write', 'paging'],
  },
  {
    method: 'GET',
    path: '/api/catalog/export',
    handler: 'catalog/export.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'The whole catalog in force, machine-readable, valid against its JSON Schema',
    tag: 'catalog',
    responses: { 200: { description: 'The catalog', schema: CatalogExport } },
    permissions: ['catalog-index:read'],
  },
  {
    method: 'GET',
    path: '/api/catalog/export/schema.json',
    handler: 'catalog/export.ts',
    auth: 'public',
    roles: EVERYONE,
    summary: 'The JSON Schema the export is valid against',
    tag: 'catalog',
    responses: { 200: { description: 'JSON Schema (draft 2020-12)' } },
    permissions: [],
  },
];
