import { DomainError, FORBIDDEN, type Refusal } from '../errors.ts';
import { type CaseStatus, STATUS_LABELS } from './model.ts';

/**
 * A rule of the case domain was broken; `code` is stable for clients, `zh`/`en` are for people. It is a
 * conflict with the case as it stands (409), except an actor who may not act at all (403).
 */
export class CaseError extends DomainError {
  constructor(code: string, zh: string, en: string) {
    super({ code, zh, en, status: code === 'NOT_PERMITTED' ? 403 : 409 });
    this.name = 'CaseError';
  }

  /** One who may not act is told only that: why would say what the case is and who may act on it. */
  override refusal(): Refusal {
    return this.code === 'NOT_PERMITTED' ? FORBIDDEN : super.refusal();
  }
}

/** A status change the lifecycle does not allow, for this actor, or not yet; it always names both statuses. */
export class IllegalTransitionError extends CaseError {
  readonly from: CaseStatus;
  readonly to: CaseStatus;

  constructor(from: CaseStatus, to: CaseStatus, code: string, zhWhy: string, enWhy: string) {
    const [f, t] = [STATUS_LABELS[from], STATUS_LABELS[to]];
    super(
      code,
      `办件不能从「${f.zh}」变为「${t.zh}」：${zhWhy}`,
      `A case cannot go from "${from}" (${f.en}) to "${to}" (${t.en}): ${enWhy}`,
    );
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
  }

  /**
   * Clients are told CASE_STATE, with the words, for any status the case cannot take; an approval held back by
   * deferred materials still awaited keeps its own code, so that a reviewer can tell it from a case moved on.
   */
  override refusal(): Refusal {
    if (this.code === 'NOT_PERMITTED' || this.code === 'OBLIGATIONS_OPEN') return super.refusal();
    return { code: 'CASE_STATE', zh: this.zh, en: this.en };
  }
}

/** No such case — or one the caller may not see, which answers exactly alike: nothing reveals that it exists. */
export class CaseNotFoundError extends DomainError {
  constructor(caseId?: string) {
    super({
      code: 'CASE_NOT_FOUND',
      zh: '未找到该办件',
      en: 'No such case',
      status: 404,
      message: caseId ? `case ${caseId} does not exist` : 'No such case',
    });
    this.name = 'CaseNotFoundError';
  }
}
