import type { ImplementationItem } from '../catalog/model.ts';
import { CaseError } from './errors.ts';
import { transition } from './lifecycle.ts';
import {
  type Actor,
  type Case,
  type CaseConfig,
  dayOf,
  type TransitionResult,
  type WorkingDays,
} from './model.ts';
import { materialObligations } from './obligations.ts';
import { type PrecheckResult, summarize } from './precheck.ts';

/** The two answers a window gives after the pre-check: accept (perhaps with obligations), or one notice. */

export interface Acting {
  actor: Actor;
  at: string;
  reason?: string;
}

function sameMatter(c: Case, matter: ImplementationItem | undefined, result: PrecheckResult): void {
  const code = c.matter.implementationCode;
  if (result.matterCode !== code || (matter && matter.implementationCode !== code)) {
    throw new CaseError(
      'MATTER_MISMATCH',
      '预审结果与办件事项不符',
      "the pre-check is not for this case's matter",
    );
  }
}

/**
 * Accepts a complete or tolerable application: a tolerable one gets an obligation per missing material,
 * and the materials a commitment replaced are kept for verification after approval.
 */
export function acceptFromPrecheck(
  c: Case,
  matter: ImplementationItem,
  result: PrecheckResult,
  acting: Acting,
  days: WorkingDays,
  config: Partial<CaseConfig> = {},
): TransitionResult {
  sameMatter(c, matter, result);
  if (result.outcome === 'correction') {
    throw new CaseError(
      'PRECHECK_INCOMPLETE',
      '材料不齐全或不符合法定形式，应当一次性告知补正',
      'materials are missing or wrong: send the one-time notice instead',
    );
  }
  const tolerable = result.outcome === 'tolerable';
  const deferred = result.notice.items.map((i) => i.name);
  const reason =
    acting.reason ??
    (tolerable
      ? `容缺受理，待补交：${deferred.join('、')} / accepted with tolerance, to supply later: ${deferred.join(', ')}`
      : undefined);
  const accepted = transition(c, 'accepted', {
    actor: acting.actor,
    at: acting.at,
    reason,
    action: 'accept',
  });
  const acceptedOn = dayOf(accepted.case.acceptedAt ?? acting.at);
  const obligations = tolerable
    ? materialObligations(matter, result.notice.items, acceptedOn, days, config)
    : [];
  const commitment =
    result.replacedByCommitment.length > 0
      ? { materialIds: result.replacedByCommitment, signedAt: c.receivedAt ?? acting.at }
      : c.commitment;
  // The clock starts: the promised limit of the pinned version is kept with the case, pauses and extensions join it.
  const clock = { limitDays: matter.promisedLimitDays, pauses: [], extensions: [] };
  return {
    case: {
      ...accepted.case,
      obligations: [...accepted.case.obligations, ...obligations],
      commitment,
      clock,
    },
    record: accepted.record,
  };
}

/** Sends the one-time notice: it is kept on the case, and its summary is the audit record's reason. */
export function requestCorrection(c: Case, result: PrecheckResult, acting: Acting): TransitionResult {
  sameMatter(c, undefined, result);
  if (result.notice.items.length === 0) {
    throw new CaseError('NOTHING_TO_CORRECT', '材料齐全，无需补正', 'nothing is missing or wrong');
  }
  const s = summarize(result.notice);
  const moved = transition(c, 'correction-requested', {
    actor: acting.actor,
    at: acting.at,
    reason: acting.reason ?? `${s.zh} / ${s.en}`,
    action: 'request-correction',
  });
  // Why 容缺 was not offered, when it was asked for: the applicant is told that too, in the same notice.
  const refusals = result.toleranceRefusals.filter((r) => r.code !== 'TOLERANCE_NOT_REQUESTED');
  const notice = {
    ...result.notice,
    issuedAt: acting.at,
    ...(refusals.length > 0 ? { toleranceRefused: refusals } : {}),
  };
  return { case: { ...moved.case, notices: [...moved.case.notices, notice] }, record: moved.record };
}
