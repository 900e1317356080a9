import { nowIso } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { StalledStore } from '../../shared/adapters/stalled-store.ts';
import { startApproval } from '../../shared/adapters/workflow.ts';
import { resumeWorkflow, stall } from '../../shared/domain/cases/stall.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, ResumeWorkflowBody } from '../../shared/http/schemas/cases.ts';
import { caseForStaff } from './staff-access.ts';
import { cases, staffCaseView } from './store.ts';

const stalled = new StalledStore(documents, requiredEnv('CASES_TABLE'));

/**
 * POST /api/staff/cases/{id}/resume: a supervisor over the case's region (or an admin) resumes the workflow of a
 * stalled case once its cause is fixed. A new execution starts (named after the case and its run); every step
 * takes the case as it stands, so it goes on where it stopped.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'supervisor', 'admin');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { reason } = ResumeWorkflowBody.parse(request.json ?? {});
  const c = await caseForStaff(cases, id, actor);
  const resumed = resumeWorkflow(c, { actor, at: nowIso(), reason });
  await cases.transition(c, resumed.case, resumed.record, { also: [stalled.unlisting(c)] });
  await startApproval(resumed.case).catch(async (error: Error) => {
    // Not started after all: the case is marked stalled again rather than left with nothing running.
    const again = stall(resumed.case, { state: 'Resume', error: error.name, at: nowIso() })!;
    await cases.transition(resumed.case, again.case, again.record, { also: [stalled.listing(again.case)] });
    throw error;
  });
  return staffCaseView(resumed.case);
});
