import { z } from 'zod';
import { CaseStatus } from '../shared/domain/cases/model.ts';
import type { ContractEntry } from './entry.ts';
import { CaseId, envelope, RegionCode, Timestamp } from './envelope.ts';

/**
 * Hand-offs between regions (跨域通办, 异地代收代办): the receiving region forwards an application to the
 * handling region, and the handling region sends the result back. Every hand-off is recorded on both sides,
 * each with a receipt the other side can check.
 */
export const ROUTING = 'tongban.routing';

const HandOff = z
  .looseObject({
    id: z.uuid().describe('the hand-off, the same on both sides: one per case and kind'),
    caseId: CaseId,
    kind: z
      .enum(['application', 'result'])
      .describe('the application going to be decided, or its result coming back'),
    fromRegion: RegionCode.describe('the region that hands over'),
    toRegion: RegionCode.describe('the region that takes over'),
    at: Timestamp.describe('when it was handed over'),
    receipt: z
      .looseObject({
        keyId: z.string().min(1).describe('the KMS key the receipt was made with'),
        algorithm: z.literal('HMAC_SHA_256'),
        signature: z.base64url().min(1).describe('the MAC of the hand-off, base64url'),
      })
      .describe('proof of the hand-off, checked with KMS VerifyMac'),
  })
  .describe('the hand-off');

const handOff = (detailType: string, action: string, description: string): ContractEntry => ({
  source: ROUTING,
  detailType,
  description,
  published: true,
  audience: 'event',
  schema: z.looseObject({
    ...envelope,
    action: z.literal(action).describe("the line on the case's timeline"),
    from: CaseStatus.describe('the status of the case, unchanged by the hand-off'),
    to: CaseStatus.describe('the status of the case, unchanged by the hand-off'),
    reason: z.string().min(1).describe('what was handed over, from where to where'),
    handoff: HandOff,
  }),
});

export const ROUTING_EVENTS: ContractEntry[] = [
  handOff(
    'Hand-off Sent',
    'hand-off-sent',
    'A region handed a case over to another: the application to the handling region, or the result back to ' +
      'the receiving region.',
  ),
  handOff(
    'Hand-off Received',
    'hand-off-received',
    'A region took over a case another region handed over; the receipt matches the one sent.',
  ),
];
