import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { type Case, dayOf } from '../../shared/domain/cases/model.ts';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import { UnpublishedYearError } from '../../shared/domain/clock/calendar.ts';
import { clockOf } from '../../shared/domain/clock/legal-clock.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, ListCasesQuery } from '../../shared/http/schemas/cases.ts';
import { uploadView } from '../materials/view.ts';
import { cases, caseView, catalog, uploads } from './store.ts';

/**
 * GET /api/cases (mine, newest first) and GET /api/cases/{id} (with its timeline and uploads, rejected ones
 * with their reasons). Another person's case is
 * a 404, exactly like a case that does not exist: nothing reveals that it does.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  if (request.routeKey === 'GET /api/cases') {
    const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
    const scope = `cases:${actor.subject}`;
    const page = await cases.listByApplicant(actor.subject, limit, decodeCursor(cursor, scope));
    return { items: page.cases.map((c) => caseView(c)), nextCursor: encodeCursor(page.last, scope) };
  }
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found || found.applicant.subject !== actor.subject) throw noSuchCase();
  const [timeline, files, clock] = await Promise.all([
    cases.timeline(id),
    uploads.list(id),
    clockOfCase(found),
  ]);
  return { ...caseView(found, timeline), uploads: files.map(uploadView), ...(clock ? { clock } : {}) };
});

/**
 * The legal clock of an accepted case, against the promised limit of the matter's pinned version: deadline,
 * working days used and left, amber or red. Until acceptance, and after a decision, there is none.
 */
async function clockOfCase(c: Case) {
  if (!c.acceptedAt || !['accepted', 'under-review'].includes(c.status)) return undefined;
  const matter = await catalog.version<ImplementationItem>(
    'ITEM',
    c.matter.implementationCode,
    c.matter.version ?? 1,
  );
  if (!matter) return undefined;
  try {
    const { deadline, limitDays, usedDays, remainingDays, status } = clockOf({
      calendar: await calendars.calendar(),
      acceptedOn: dayOf(c.acceptedAt),
      limitDays: matter.item.promisedLimitDays,
      today: chinaDate(),
    });
    return { deadline, limitDays, usedDays, remainingDays, status };
  } catch (error) {
    // A deadline in a year whose holidays are not published yet is not guessed: the case says so instead.
    if (!(error instanceof UnpublishedYearError)) throw error;
    return { status: 'unknown' as const, note: { 'zh-CN': error.zh, en: error.en } };
  }
}

const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
