import type { WorkCalendar } from './calendar.ts';
import { isIsoDate } from './dates.ts';
import { ClockInputError } from './errors.ts';
import { PAUSE_TYPES, type PauseType } from './statute.ts';

// A clock's input is declared here, beside its check, rather than in legal-clock.ts: the clock calls the check,
// so the check must not need the clock's module (legal-clock.ts re-exports these types for its callers).

/**
 * A period the clock stops for (时限中止), from `start` to `end`, both days included: the day the pause is
 * ordered (a correction notice issued, a hearing held) and the day it is over (the materials received, the
 * report delivered) are spent on it, not on the decision — as 时限中止 is recorded, 自…之日起至…之日止.
 * Without `end` the pause is still running: the clock stands still from `start` on.
 */
export interface Pause {
  type: PauseType;
  start: string;
  end?: string;
  reason: string;
}

/** An extension (延长) of the period, approved by the head of the body, with the reason told the applicant. */
export interface Extension {
  days: number;
  approvedBy: string;
  approvedOn: string;
  reason: string;
}

export interface ClockInput {
  calendar: WorkCalendar;
  /** The acceptance day (受理日), not itself counted. */
  acceptedOn: string;
  /** The period in working days before extensions: the legal or the (shorter) promised limit. */
  limitDays: number;
  pauses?: Pause[];
  extensions?: Extension[];
  /** The day the clock is read on, in China: chinaToday(). */
  today: string;
  /** Amber once this share of the period is used (configurable; 0.8 by default). */
  thresholds?: { amber: number };
  /** Extension days beyond which the clock warns: 10 (Art. 42 ¶1); 15 for joint handling. */
  statutoryExtensionDays?: number;
}

/**
 * Refuses a clock whose record does not hold together. Each pause is recorded with type, start, end and
 * reason, and an extension needs who approved it and why (行政许可法 Art. 42): a clock computed from a
 * record without them would look right and prove nothing.
 */
export function checkClockInput(input: ClockInput): void {
  date('acceptedOn', input.acceptedOn);
  date('today', input.today);
  if (input.today < input.acceptedOn) {
    fail(
      'today',
      `${input.today} 早于受理日期 ${input.acceptedOn}`,
      `${input.today} is before the acceptance day`,
    );
  }
  if (!Number.isInteger(input.limitDays) || input.limitDays < 0) {
    fail(
      'limitDays',
      '办结时限须为不小于 0 的整数（工作日）',
      'The limit must be a whole number of working days ≥ 0',
    );
  }
  const amber = input.thresholds?.amber;
  if (amber !== undefined && !(amber > 0 && amber <= 1)) {
    fail(
      'thresholds.amber',
      '黄色预警比例须大于 0 且不超过 1',
      'The amber threshold must be more than 0 and at most 1',
    );
  }
  const allowed = input.statutoryExtensionDays;
  if (allowed !== undefined && (!Number.isInteger(allowed) || allowed < 0)) {
    fail(
      'statutoryExtensionDays',
      '法定延长天数须为不小于 0 的整数',
      'The statutory extension must be a whole number ≥ 0',
    );
  }
  for (const [i, pause] of (input.pauses ?? []).entries()) checkPause(pause, `pauses.${i}`, input);
  for (const [i, extension] of (input.extensions ?? []).entries()) {
    checkExtension(extension, `extensions.${i}`, input);
  }
}

function checkPause(pause: Pause, at: string, input: ClockInput): void {
  if (!(PAUSE_TYPES as readonly string[]).includes(pause.type)) {
    fail(`${at}.type`, `未知的中止类型 ${pause.type}`, `Unknown pause type ${pause.type}`);
  }
  date(`${at}.start`, pause.start);
  if (pause.start < input.acceptedOn) {
    fail(`${at}.start`, '时限中止不能早于受理日期', 'A pause cannot start before the case was accepted');
  }
  if (pause.end === undefined) {
    // A pause is opened when it happens; one not begun yet has nothing to stop.
    if (pause.start > input.today) {
      fail(
        `${at}.start`,
        '未结束的时限中止不能始于今日之后',
        'A pause without an end cannot start after today',
      );
    }
  } else {
    date(`${at}.end`, pause.end);
    if (pause.end < pause.start)
      fail(`${at}.end`, '中止结束日期早于开始日期', 'A pause cannot end before it starts');
  }
  text(`${at}.reason`, pause.reason, '须写明时限中止的理由', 'A pause needs its reason');
}

function checkExtension(extension: Extension, at: string, input: ClockInput): void {
  if (!Number.isInteger(extension.days) || extension.days < 1) {
    fail(`${at}.days`, '延长天数须为正整数（工作日）', 'An extension is a whole number of working days ≥ 1');
  }
  text(
    `${at}.approvedBy`,
    extension.approvedBy,
    '延长期限须经本行政机关负责人批准',
    'An extension needs the approval of the head of the body',
  );
  text(
    `${at}.reason`,
    extension.reason,
    '须写明延长期限的理由（并告知申请人）',
    'An extension needs its reason (told to the applicant)',
  );
  date(`${at}.approvedOn`, extension.approvedOn);
  if (extension.approvedOn < input.acceptedOn || extension.approvedOn > input.today) {
    fail(
      `${at}.approvedOn`,
      '批准日期须在受理日期与今日之间',
      'An extension is approved between acceptance and today',
    );
  }
}

function date(field: string, value: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    fail(field, `${String(value)} 不是有效日期（YYYY-MM-DD）`, `${String(value)} is not a date (YYYY-MM-DD)`);
  }
}

function text(field: string, value: string, zh: string, en: string): void {
  if (typeof value !== 'string' || value.trim() === '') fail(field, zh, en);
}

function fail(field: string, zh: string, en: string): never {
  throw new ClockInputError(field, zh, en);
}
