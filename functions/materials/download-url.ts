import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { noSuchCase, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { MaterialPath } from '../../shared/http/schemas/materials.ts';
import { materialDownload } from './download.ts';
import { cases } from './store.ts';

/**
 * GET /api/cases/{id}/materials/{materialId}: the applicant downloads the file that stands for a material
 * (its latest accepted upload) through a 5-minute URL. Reviewers will have their own route, which calls
 * materialDownload after its own access check.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id, materialId } = MaterialPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found || !isOwnCase(found, actor)) throw noSuchCase();
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
