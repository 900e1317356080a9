import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { Day, DepartmentCode, envelope, IdHash } from './envelope.ts';

/** E-licences (电子证照, GB/T 36901-36905): the result of an approved case, issued and signed by the issuer. */
export const LICENCES = 'tongban.licences';

export const LICENCE_EVENTS: ContractEntry[] = [
  {
    source: LICENCES,
    detailType: 'Licence Issued',
    description:
      'An e-licence was issued as the result of a case. Holders present it instead of uploading a copy (免证办).',
    published: false,
    audience: 'event',
    schema: z.looseObject({
      ...envelope,
      licence: z.looseObject({
        number: z
          .string()
          .regex(/^1\.2\.156\.3005\.2\.[0-9A-Za-z.-]+$/)
          .describe('1.2.156.3005.2.{type code}.{issuer USCC}.{serial}.{version}.{check}'),
        type: z.looseObject({ code: z.string().min(1), name: z.string().min(1) }).describe('证照类型'),
        holder: z.looseObject({ kind: z.enum(['person', 'enterprise']), idHash: IdHash }),
        issuer: z.looseObject({
          department: DepartmentCode,
          uscc: z
            .string()
            .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
            .describe("the issuing body's 统一社会信用代码"),
        }),
        issuedOn: Day,
        validFrom: Day,
        validUntil: Day.optional().describe('absent: valid until revoked'),
      }),
    }),
  },
];
