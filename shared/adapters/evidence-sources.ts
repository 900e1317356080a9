import type { Application } from '../domain/cases/application.ts';
import type { EvidenceSources } from '../domain/cases/evidence.ts';
import type { Case } from '../domain/cases/model.ts';
import { chinaDate } from '../domain/catalog/dates.ts';
import type { ImplementationItem } from '../domain/catalog/model.ts';
import { now } from './clock.ts';
import type { CreditRecords } from './credit.ts';
import type { LicenceStore } from './licence-store.ts';
import type { UploadStore } from './upload-store.ts';

/** Everything the evidence check weighs a case's claims against, read at once. */
export async function evidenceSources(
  stores: { uploads: UploadStore; licences: LicenceStore; credit: CreditRecords },
  c: Pick<Case, 'id' | 'applicant'>,
  matter: ImplementationItem,
  application: Pick<Application, 'commitment'>,
): Promise<EvidenceSources> {
  const at = now();
  const [uploads, licences, standing] = await Promise.all([
    stores.uploads.list(c.id),
    stores.licences.heldBy(c.applicant.idHash),
    stores.credit.standingOf(c.applicant.idHash, at),
  ]);
  return {
    caseId: c.id,
    matter,
    uploads,
    licences,
    standing,
    commitmentSigned: application.commitment,
    today: chinaDate(at),
  };
}
