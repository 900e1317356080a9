import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { noSuchCase, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { MaterialPath } from '../../shared/http/schemas/materials.ts';
import { recordAccess } from '../cases/access-trail.ts';
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
  const staffRoute = request.routeKey.startsWith('GET /api/staff/');
  const actor = staffRoute
    ? requireRole(request, 'reviewer', 'window', 'supervisor', 'admin')
    : requireRole(request, 'citizen', 'enterprise');
  const found = staffRoute ? await caseForStaff(cases, id, actor) : await cases.get(id);
  if (!found || (!staffRoute && !isOwnCase(found, actor))) throw noSuchCase();
  const download = await materialDownload(id, materialId);
  if (!download) {
    throw notFound(
      'MATERIAL_NOT_FOUND',
      '该材料尚无通过核验的文件',
      'No file of this material has been accepted yet',
    );
  }
  // Every download is on the case's audit trail, recorded before the link is handed out.
  await recordAccess(found, actor, 'material-download', materialId);
  return download;
});
