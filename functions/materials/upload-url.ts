import { randomUUID } from 'node:crypto';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { nowIso } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { cleanFileName } from '../../shared/domain/materials/file-names.ts';
import { checkDeclaration } from '../../shared/domain/materials/file-types.ts';
import { acceptsUploads, objectKey } from '../../shared/domain/materials/uploads.ts';
import { badRequest, conflict, noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath } from '../../shared/http/schemas/cases.ts';
import { UploadRequest } from '../../shared/http/schemas/materials.ts';
import { presignUpload, UPLOAD_URL_SECONDS } from './presign.ts';
import { cases, maxBytes, uploads } from './store.ts';

// The matter pinned to the case says which materials it has and what each may be.
const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * POST /api/cases/{id}/materials: the applicant asks to upload one of the matter's materials and gets a URL
 * that takes only the declared type and size. The upload is recorded as pending first, so the check that
 * runs when the file arrives knows what was declared, by whom, and that the file was asked for at all. The
 * fileKey answered is what the application (or a supplement) declares for the material: { by: 'upload', fileKey }.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const body = UploadRequest.parse(request.json);
  const found = await cases.get(id);
  if (!found || !isOwnCase(found, actor)) throw noSuchCase();
  if (!acceptsUploads(found.status)) {
    throw conflict('CASE_CLOSED', '该办件已不再接收材料', 'This case no longer takes materials');
  }
  const matter = await catalog.pinned(found);
  if (!matter?.materials.some((m) => m.id === body.materialId)) {
    throw badRequest(
      'MATERIAL_NOT_IN_MATTER',
      `本事项没有材料「${body.materialId}」`,
      `The matter asks for no material "${body.materialId}"`,
    );
  }
  const problems = checkDeclaration({ declaredType: body.contentType, size: body.size, maxBytes });
  if (problems.length > 0) throw badRequest(problems[0]!.code, problems[0]!.zh, problems[0]!.en, problems);
  const fileName = cleanFileName(body.fileName);
  if (!fileName) throw badRequest('FILE_NAME_INVALID', '文件名无效', 'The file name is not valid');

  const uploadId = randomUUID();
  const key = objectKey(id, body.materialId, uploadId);
  await uploads.request({
    status: 'pending',
    caseId: id,
    materialId: body.materialId,
    uploadId,
    key,
    fileName,
    contentType: body.contentType,
    declaredSize: body.size,
    requestedBy: actor.subject,
    requestedAt: nowIso(),
  });
  return {
    statusCode: 201,
    body: {
      uploadId,
      fileKey: key,
      upload: await presignUpload(key, body.contentType, body.size),
      expiresIn: UPLOAD_URL_SECONDS,
    },
  };
});
