import { z } from 'zod';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { nowIso } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler, eventOf } from '../../shared/adapters/event-handler.ts';
import { handoffId } from '../../shared/adapters/handoff-id.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { type Receipt, signReceipt, verifyReceipt } from '../../shared/adapters/receipts.ts';
import type { AuditRecord } from '../../shared/domain/cases/model.ts';
import {
  HANDOFF_WORDS,
  type Handoff,
  type HandoffSide,
  handoffFor,
  receiptText,
  signingRegion,
} from '../../shared/domain/routing/handoff.ts';

const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
export const ROUTING_SOURCE = 'tongban.routing';

const CaseEvent = z.object({
  caseId: z.string(),
  action: z.string(),
  to: z.string(),
  receivingRegion: z.string(),
  handlingRegion: z.string(),
});
const HandoffSent = z.object({
  handoff: z.object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(['application', 'result']),
    fromRegion: z.string(),
    toRegion: z.string(),
    at: z.string(),
    receipt: z.object({ keyId: z.string(), algorithm: z.literal('HMAC_SHA_256'), signature: z.string() }),
  }),
});

/**
 * 异地代收代办 between regions. From the hub, a case submitted in one region for another's matter (or a result
 * to go back) is handed off: the sending region signs its dispatch. From the receiving region's bus, that
 * `Hand-off Sent` is checked and signed for. Each side is one record on the case's timeline, written once
 * however often the event arrives, and published as `Hand-off Sent` / `Hand-off Received`.
 */
export const handler = eventHandler({ input: eventOf(z.unknown()) }, async (event) => {
  // Two events, two details: each parsed as its own; one that does not fit is an InvalidInputError all the same.
  if (event['detail-type'] === 'Hand-off Sent') {
    const { handoff } = HandoffSent.parse(event.detail);
    const { receipt, at, ...facts } = handoff;
    // A dispatch whose receipt does not verify was not made by this platform: it is refused, not received.
    if (!(await verifyReceipt(receiptText(facts, 'sent', at), receipt))) {
      throw new Error(`hand-off ${facts.id}: the dispatch receipt does not verify`);
    }
    return note(facts, 'received');
  }
  const handoff = handoffFor(CaseEvent.parse(event.detail), handoffId);
  return handoff ? note(handoff, 'sent') : { noted: false };
});

async function note(handoff: Handoff, side: HandoffSide) {
  const c = await cases.get(handoff.caseId);
  if (!c) return { noted: false };
  const at = nowIso();
  const receipt: Receipt = await signReceipt(receiptText(handoff, side, at));
  const region = signingRegion(handoff, side);
  const words = HANDOFF_WORDS[side][handoff.kind];
  const record: AuditRecord = {
    caseId: c.id,
    at,
    actor: { subject: `region:${region}`, roles: ['system'] },
    action: side === 'sent' ? 'hand-off-sent' : 'hand-off-received',
    from: c.status,
    to: c.status,
    reason: `${words.zh}（${handoff.fromRegion} → ${handoff.toRegion}） / ${words.en} (${handoff.fromRegion} → ${handoff.toRegion})`,
    handoff: { ...handoff, at, receipt },
  };
  const noted = await cases.appendOnce(
    c,
    record,
    { pk: `CASE#${c.id}`, sk: `HANDOFF#${handoff.id}#${side.toUpperCase()}` },
    (detail) => ({
      source: ROUTING_SOURCE,
      detailType: side === 'sent' ? 'Hand-off Sent' : 'Hand-off Received',
      detail: { ...detail, handoff: record.handoff },
    }),
  );
  if (!noted) logger.info('hand-off already noted', { handoffId: handoff.id, side });
  return { noted };
}
