/**
 * 异地代收代办 (国办发〔2020〕35号): a region receives an application for a matter another region decides,
 * checks it and forwards it (the application hand-off); the handling region decides and sends the result back
 * to where the applicant chose to collect it (the result hand-off). Each hand-off is acknowledged on both
 * sides with a signed receipt, so that who held a case when can be settled from the record.
 */
export type HandoffKind = 'application' | 'result';
export type HandoffSide = 'sent' | 'received';

export interface Handoff {
  id: string;
  caseId: string;
  kind: HandoffKind;
  fromRegion: string;
  toRegion: string;
}

/**
 * The id of a case's hand-off of one kind: the same whoever computes it and however often, so that redelivery
 * finds the same hand-off. Given by the caller (shared/adapters/handoff-id.ts hashes it), as the rules here draw
 * on no hash, clock or randomness of their own.
 */
export type HandoffIdOf = (caseId: string, kind: HandoffKind) => string;

/** The hand-off a case event calls for, if any: none while one region both receives and handles a case. */
export function handoffFor(
  event: {
    caseId: string;
    action: string;
    to: string;
    receivingRegion: string;
    handlingRegion: string;
  },
  handoffId: HandoffIdOf,
): Handoff | undefined {
  const { caseId, receivingRegion, handlingRegion } = event;
  if (receivingRegion === handlingRegion) return undefined;
  if (event.action === 'submit') {
    return {
      id: handoffId(caseId, 'application'),
      caseId,
      kind: 'application',
      fromRegion: receivingRegion,
      toRegion: handlingRegion,
    };
  }
  if (event.to === 'concluded') {
    return {
      id: handoffId(caseId, 'result'),
      caseId,
      kind: 'result',
      fromRegion: handlingRegion,
      toRegion: receivingRegion,
    };
  }
  return undefined;
}

/** The region that signs a side of the hand-off: the sender its dispatch, the receiver its receipt. */
export const signingRegion = (h: Handoff, side: HandoffSide) => (side === 'sent' ? h.fromRegion : h.toRegion);

/** What a receipt signs: every fact of the hand-off and the side's time, one per line, versioned. */
export function receiptText(h: Handoff, side: HandoffSide, at: string): string {
  return [
    'tongban-handoff-receipt/1',
    h.id,
    h.caseId,
    h.kind,
    h.fromRegion,
    h.toRegion,
    side,
    signingRegion(h, side),
    at,
  ].join('\n');
}

export const HANDOFF_WORDS: Record<HandoffSide, Record<HandoffKind, { zh: string; en: string }>> = {
  sent: {
    application: {
      zh: '收件地核验后转交办理地',
      en: 'checked where received and forwarded to the handling region',
    },
    result: { zh: '办理结果送交收件地', en: 'result sent to where the applicant collects it' },
  },
  received: {
    application: { zh: '办理地签收申请', en: 'application received by the handling region' },
    result: { zh: '收件地签收办理结果', en: 'result received where the applicant collects it' },
  },
};
