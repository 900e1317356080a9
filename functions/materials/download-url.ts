import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { noSuchCase, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { MaterialPath } from '../../shared/http/schemas/materials.ts';
import { caseForStaff } from '../cases/staff-access.ts';
import { materialDownload } from './download.ts';
import { cases } from './store.ts';

/**
 * The file that stands for a material of a case (its latest accepted upload), through a 5-minute URL:
 * GET /api/cases/{id}/materials/{materialId} for the applicant (another's case is a 404, like none), and
 * GET /api/staff/cases/{id}/materials/{materialId} for the staff who may read the case — its reviewers above
 * all (for anyone else, as for a case that does not exist, a 404).
 */
export const handler = httpHandler(async (request) => {
  const { id, materialId } = MaterialPath.parse(request.pathParameters ?? {});
  if (request.routeKey.startsWith('GET /api/staff/')) {
    await caseForStaff(cases, id, requireRole(request, 'reviewer', 'window', 'supervisor', 'admin'));
  } else {
    const applicant = requireRole(request, 'citizen', 'enterprise');
    const found = await cases.get(id);
    if (!found || !isOwnCase(found, applicant)) throw noSuchCase();
  }
  const download = await materialDownload(id, materialId);
  if (!download) {
    throw notFound(
      'MATERIAL_NOT_FOUND',
      '该材料尚无通过核验的文件',
      'No file of this material has been accepted yet',
    );
  }
  return download;
});
