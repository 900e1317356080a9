import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { CalendarWatch } from '../../shared/adapters/calendar-watch.ts';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { creditRecords } from '../../shared/adapters/credit.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { LicenceStore } from '../../shared/adapters/licence-store.ts';
import { TaskStore } from '../../shared/adapters/task-store.ts';
import { UploadStore } from '../../shared/adapters/upload-store.ts';
import { CaseNotFoundError } from '../../shared/domain/cases/errors.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import { MatterNotFoundError } from '../../shared/domain/catalog/errors.ts';

// What every workflow step uses, created once per container.
export const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
export const tasks = new TaskStore(documents, requiredEnv('CASES_TABLE'));
export const uploads = new UploadStore(documents, requiredEnv('CASES_TABLE'));
export const evidence = {
  uploads,
  licences: new LicenceStore(documents, requiredEnv('CASES_TABLE')),
  credit: creditRecords(documents, requiredEnv('CASES_TABLE')),
};
const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));
export const watch = new CalendarWatch(documents, requiredEnv('CASES_TABLE'));
const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/** The work calendar: the published years and those an administrator loaded, unknown ones provisional. */
export const calendar = () => calendars.calendar();

/** The case, and the matter in the version pinned to it when it was submitted. */
export async function load(caseId: string) {
  const found = await cases.getWithApplication(caseId);
  if (!found) throw new CaseNotFoundError(caseId);
  const matter = await catalog.pinned(found.case);
  if (!matter) throw new MatterNotFoundError(found.case.matter);
  return { ...found, matter };
}

export { nowIso as now } from '../../shared/adapters/clock.ts';
export type Loaded = Awaited<ReturnType<typeof load>> & { case: Case };
