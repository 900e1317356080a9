import { nowIso } from '../../shared/adapters/clock.ts';
import { extendClock, pauseClock, resumeClock } from '../../shared/domain/cases/clock-record.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, ExtensionBody, PauseBody, ResumeBody } from '../../shared/http/schemas/cases.ts';
import { calendars, clockFields } from './clock-view.ts';
import { caseForStaff } from './staff-access.ts';
import { cases, caseView } from './store.ts';

/**
 * The legal clock's record, kept by staff: POST /api/staff/cases/{id}/pauses (a handler stops the clock for
 * a special procedure: hearing, inspection, expert review …), …/pauses/end (it runs again) and …/extensions
 * (a supervisor, for the head of the body, extends the period). Each is an audit record and an event.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'reviewer', 'window', 'supervisor');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const c = await caseForStaff(cases, id, actor);
  const at = nowIso();
  const changed = request.routeKey.endsWith('/pauses')
    ? pauseClock(c, { actor, at, ...PauseBody.parse(request.json ?? {}) })
    : request.routeKey.endsWith('/pauses/end')
      ? resumeClock(c, { actor, at, ...ResumeBody.parse(request.json ?? {}) })
      : extendClock(c, {
          actor,
          at,
          calendar: await calendars.calendar(),
          ...ExtensionBody.parse(request.json ?? {}),
        });
  await cases.transition(c, changed.case, changed.record);
  return { ...caseView(changed.case), ...(await clockFields(changed.case)) };
});
