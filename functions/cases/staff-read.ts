import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { SupervisionStore } from '../../shared/adapters/supervision-store.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath } from '../../shared/http/schemas/cases.ts';
import { uploadView } from '../materials/view.ts';
import { recordAccess } from './access-trail.ts';
import { clockFields } from './clock-view.ts';
import { caseForStaff } from './staff-access.ts';
import { cases, staffCaseView, uploads } from './store.ts';

// 审管协同: what regulators recorded on the applicant, for the body deciding on their new case.
const supervision = new SupervisionStore(documents, requiredEnv('CASES_TABLE'));

/**
 * GET /api/staff/cases/{id}: one case as staff see it, with its uploads, timeline, legal clock and the
 * regulators' supervision records on its applicant, personal data masked.
 * Reviewers of its handling department and region, window staff of its handling region and the one who took
 * it in, supervisors over its region and admins may read it; for anyone else it does not exist (404).
 * Every read is on the case's audit trail, which its holder sees.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'window', 'reviewer', 'supervisor', 'admin');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await caseForStaff(cases, id, actor);
  // Recorded before the case is shown: a read that cannot be recorded is not served.
  await recordAccess(found, actor, 'staff-read');
  const [timeline, files, clock, records] = await Promise.all([
    cases.timeline(id),
    uploads.list(id),
    clockFields(found),
    supervision.of(found.applicant.idHash),
  ]);
  return {
    ...staffCaseView(found, timeline),
    uploads: files.map(uploadView),
    ...clock,
    supervision: records.map(({ holder: _holder, schemaVersion: _v, idempotencyKey: _k, ...r }) => r),
  };
});
