import { z } from 'zod';

export const HeldLicence = z
  .object({
    id: z
      .string()
      .describe('the identifier (GB/T 36903): 1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check}'),
    type: z.string().describe("the licence type, as the catalog's materials name it"),
    issuer: z.string().optional(),
    validUntil: z.string().optional(),
    revoked: z.boolean(),
  })
  .meta({ id: 'HeldLicence' });

export const HeldLicencePage = z.object({ items: z.array(HeldLicence) }).meta({ id: 'HeldLicencePage' });

/** The number a walk-in shows at the window, to find the e-licences they hold. */
export const WalkInLicencesBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('person'), idNumber: z.string().trim().min(1).max(40) }),
    z.strictObject({ kind: z.literal('enterprise'), uscc: z.string().trim().min(1).max(40) }),
  ])
  .meta({ id: 'WalkInLicencesRequest' });
