import { type CaseStatus, STATUS_LABELS } from './model.ts';

/** A rule of the case domain was broken; `code` is stable for clients, `zh`/`en` are for people. */
export class CaseError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;

  constructor(code: string, zh: string, en: string) {
    super(`${en} / ${zh}`);
    this.name = 'CaseError';
    this.code = code;
    this.zh = zh;
    this.en = en;
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
}
