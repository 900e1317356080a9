import { z } from 'zod';

/**
 * The "Object Created" event S3 sends to EventBridge (the S3 user guide, "EventBridge event message
 * structure"), reduced to what the check reads. version-id is there only in a versioned bucket; the key is
 * the object's key as stored (upload keys use only [a-z0-9/-], so no encoding question arises).
 */
export const ObjectCreated = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string(),
      size: z.number().int().min(0),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
    reason: z.string().optional(),
  }),
});
export type ObjectCreated = z.infer<typeof ObjectCreated>;
