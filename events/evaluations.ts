import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { envelope, Timestamp } from './envelope.ts';

/** Evaluations (好差评, 国办发〔2019〕51号, GB/T 39734): a rating after service. */
export const EVALUATIONS = 'tongban.evaluations';

export const LEVELS = [
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
] as const;

export const EVALUATION_EVENTS: ContractEntry[] = [
  {
    source: EVALUATIONS,
    detailType: 'Evaluation Submitted',
    description:
      'An applicant rated the service of a case. A bad review (dissatisfied, very dissatisfied) is verified, ' +
      'fixed and answered by the handling department, each within 5 working days (configurable). The ' +
      "applicant's comment stays on the platform.",
    published: false,
    audience: 'event',
    schema: z.looseObject({
      ...envelope,
      evaluation: z.looseObject({
        id: z.uuid(),
        level: z.enum(LEVELS).describe('非常满意, 满意, 基本满意, 不满意, 非常不满意'),
        badReview: z.boolean().describe('true for dissatisfied and very-dissatisfied'),
        named: z
          .boolean()
          .describe('the applicant gave their name: a named bad review is answered without fail'),
        channel: z
          .enum(['web', 'mobile', 'window', 'self-service', 'hotline'])
          .describe('where it was given; one rating per service on site, one per matter online'),
        submittedAt: Timestamp,
      }),
    }),
  },
];
