import { z } from 'zod';
import { ALLOWED_CONTENT_TYPES } from '../../domain/materials/file-types.ts';
import { CaseIdPath } from './common.ts';

const MaterialId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a material id of the matter');

export const MaterialPath = CaseIdPath.extend({ materialId: MaterialId });

/**
 * The content type is documented as the four accepted types but taken as any string, so that another type
 * is answered with the specific TYPE_NOT_ALLOWED rather than a generic validation error; the size limit is a
 * deployment setting (20 MB unless set), so it is checked by the handler too (TOO_LARGE, EMPTY).
 */
export const UploadRequest = z
  .object({
    materialId: MaterialId,
    fileName: z.string().trim().min(1).max(255),
    contentType: z.string().min(1).max(100).meta({
      enum: ALLOWED_CONTENT_TYPES,
      description: 'the type of the file, checked against its content',
    }),
    size: z.number().int().min(0).describe('bytes; at most 20 MB unless the deployment sets another limit'),
  })
  .meta({ id: 'MaterialUploadRequest' });

export const UploadInstructions = z
  .object({
    uploadId: z.string(),
    fileKey: z.string().describe("declare it for the material: { by: 'upload', fileKey }"),
    upload: z.object({
      url: z.string(),
      method: z.enum(['PUT', 'POST']),
      fields: z.record(z.string(), z.string()).optional().describe('form fields, for a POST'),
      headers: z.record(z.string(), z.string()).describe('send exactly these; they are signed'),
    }),
    expiresIn: z.number().int().describe('seconds the URL stays valid'),
  })
  .meta({ id: 'MaterialUploadInstructions' });

export const MaterialDownload = z
  .object({
    materialId: z.string(),
    uploadId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string().describe('hex, of the file as checked'),
    checkedAt: z.string(),
    download: z.object({ url: z.string(), method: z.literal('GET') }),
    expiresIn: z.number().int().describe('seconds the URL stays valid'),
  })
  .meta({ id: 'MaterialDownload' });

/** An upload as the applicant sees it on the case: accepted, rejected with its reasons, or not yet checked. */
export const MaterialUploadView = z
  .object({
    materialId: z.string(),
    uploadId: z.string(),
    fileName: z.string(),
    status: z.enum(['pending', 'accepted', 'rejected']),
    size: z.number().int(),
    requestedAt: z.string(),
    checkedAt: z.string().optional(),
    fileKey: z
      .string()
      .optional()
      .describe('an accepted file: what the application or a supplement declares'),
    reasons: z
      .array(z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }))
      .optional(),
  })
  .meta({ id: 'MaterialUploadView' });
