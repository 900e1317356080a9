import { describe, expect, it } from 'vitest';
import { calendarWith, defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { ClockInputError } from '../../../shared/domain/clock/errors.ts';
import {
  type ClockInput,
  clockOf,
  type Extension,
  type Pause,
  reminderDates,
  STATUTORY_EXTENSION_DAYS,
} from '../../../shared/domain/clock/legal-clock.ts';
import { year2027 } from './fixtures.ts';

/**
 * A permit accepted on Friday 2025-09-26 with 20 working days: counted from the make-up Sunday 09-28, over
 * the National Day break (10-01..08), to 10-30. Its 16th working day (80%) is 10-24.
 */
const permit = (overrides: Partial<ClockInput> = {}) =>
  clockOf({
    calendar: defaultCalendar(),
    acceptedOn: '2025-09-26',
    limitDays: 20,
    today: '2025-10-09',
    ...overrides,
  });

const pause = (start: string, end?: string, type: Pause['type'] = 'correction'): Pause =>
  end === undefined ? { type, start, reason: '补正材料' } : { type, start, end, reason: '补正材料' };

const extension = (overrides: Partial<Extension> = {}): Extension => ({
  days: 10,
  approvedBy: '局长 王建国',
  approvedOn: '2025-10-28',
  reason: '需实地核查，二十日内不能作出决定',
  ...overrides,
});

const inputError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ClockInputError) return error;
    throw error;
  }
  throw new Error('no ClockInputError');
};

describe('the legal clock', () => {
  it('given a case accepted before National Day, when read on the first day back, then 4 days are used', () => {
    const clock = permit();
    expect(clock).toMatchObject({ deadline: '2025-10-30', limitDays: 20, usedDays: 4, remainingDays: 16 });
    expect(clock).toMatchObject({ status: 'green', paused: false, pausedDays: 0, warnings: [] });
  });

  it('given 15 of 20 days used, then it is still green; given 16 (80%), then it turns amber', () => {
    expect(permit({ today: '2025-10-23' })).toMatchObject({ usedDays: 15, status: 'green' });
    expect(permit({ today: '2025-10-24' })).toMatchObject({ usedDays: 16, status: 'amber' });
  });

  it('given another amber threshold, then amber begins at that share of the period', () => {
    expect(permit({ thresholds: { amber: 0.5 } }).amberFrom).toBe('2025-10-16');
    // 0.7 × 10 is 7.000000000000001 in floating point: amber still begins on the 7th day, not the 8th.
    expect(permit({ limitDays: 10, thresholds: { amber: 0.7 } }).amberFrom).toBe('2025-10-13');
  });

  it('given the deadline day, then it is amber with nothing left; the day after, red', () => {
    expect(permit({ today: '2025-10-30' })).toMatchObject({ status: 'amber', remainingDays: 0 });
    expect(permit({ today: '2025-10-31' })).toMatchObject({ status: 'red', usedDays: 21, remainingDays: -1 });
  });

  it('given a deadline just before a holiday, then the holiday after it is already red', () => {
    const clock = permit({ limitDays: 3, today: '2025-10-01' });
    expect(clock).toMatchObject({ deadline: '2025-09-30', status: 'red', remainingDays: 0 });
  });

  it('given a limit of 0 (即办件), then the deadline is the acceptance day itself', () => {
    expect(permit({ limitDays: 0, today: '2025-09-26' })).toMatchObject({
      deadline: '2025-09-26',
      status: 'amber',
    });
  });

  it('given a case running into 2027, then its deadline is provisional, named with the year and the reason', () => {
    const clock = permit({ acceptedOn: '2026-12-15', today: '2026-12-16' });
    expect(clock.provisionalYears).toEqual([2027]);
    expect(clock.warnings).toContainEqual(expect.objectContaining({ code: 'DATE_PROVISIONAL' }));
    expect(clock.warnings.find((w) => w.code === 'DATE_PROVISIONAL')?.zh).toContain('2027 年');
  });

  it('given a provisional deadline that has passed, then the clock is amber, never red', () => {
    const clock = permit({ acceptedOn: '2026-12-15', today: '2027-03-01' });
    expect(clock.status).toBe('amber');
    expect(clock.today > clock.deadline).toBe(true);
  });

  it('given the year loaded, then the same passed deadline is red', () => {
    const clock = clockOf({
      calendar: calendarWith([year2027()]),
      acceptedOn: '2026-12-15',
      limitDays: 20,
      today: '2027-03-01',
    });
    expect(clock).toMatchObject({ status: 'red', provisionalYears: [] });
  });
});

describe('pauses', () => {
  it('given a closed correction period, then its working days, both ends included, push the deadline', () => {
    const clock = permit({ pauses: [pause('2025-10-13', '2025-10-17')], today: '2025-10-20' });
    expect(clock).toMatchObject({ deadline: '2025-11-06', pausedDays: 5, usedDays: 7, status: 'green' });
  });

  it('given a one-day pause, then that one day is not counted', () => {
    expect(permit({ pauses: [pause('2025-10-13', '2025-10-13', 'hearing')] })).toMatchObject({
      deadline: '2025-10-31',
      pausedDays: 1,
    });
  });

  it('given a pause over a holiday, then only its working days move the deadline', () => {
    const clock = permit({ pauses: [pause('2025-09-30', '2025-10-09', 'testing')], today: '2025-10-10' });
    expect(clock).toMatchObject({ deadline: '2025-11-03', pausedDays: 2 });
  });

  it('given an open pause, then the clock stands still at its start and the deadline moves each day', () => {
    const open = [pause('2025-10-13', undefined, 'expert-review')];
    const monday = permit({ pauses: open, today: '2025-10-20' });
    expect(monday).toMatchObject({ status: 'paused', paused: true, usedDays: 6, pausedDays: 6 });
    expect(monday).toMatchObject({ deadline: '2025-11-07', provisional: true });
    expect(monday.warnings.map((w) => w.code)).toEqual(['DEADLINE_PROVISIONAL']);
    expect(permit({ pauses: open, today: '2025-10-21' }).deadline).toBe('2025-11-10');
  });

  it('given overlapping pauses, then a day paused twice is taken out once', () => {
    const pauses = [
      pause('2025-10-13', '2025-10-17', 'testing'),
      pause('2025-10-15', '2025-10-21', 'expert-review'),
    ];
    expect(permit({ pauses })).toMatchObject({ deadline: '2025-11-10', pausedDays: 7 });
  });

  it('given a running pause past 80%, then the status is paused, not amber, but overdue stays red', () => {
    const running = [pause('2025-10-27')];
    expect(permit({ pauses: running, today: '2025-10-28' }).status).toBe('paused');
    const late = permit({ pauses: [pause('2025-11-03')], today: '2025-11-04' });
    expect(late).toMatchObject({ status: 'red', paused: true });
    expect(late.warnings.map((w) => w.code)).toContain('PAUSE_AFTER_DEADLINE');
  });

  it.each([
    ['without a reason', { ...pause('2025-10-13', '2025-10-14'), reason: ' ' }, 'pauses.0.reason'],
    ['ending before it starts', pause('2025-10-14', '2025-10-13'), 'pauses.0.end'],
    ['starting before acceptance', pause('2025-09-25', '2025-10-13'), 'pauses.0.start'],
    ['open and starting after today', pause('2025-10-10'), 'pauses.0.start'],
    [
      'of an unknown type',
      { ...pause('2025-10-13', '2025-10-14'), type: 'lunch' as Pause['type'] },
      'pauses.0.type',
    ],
  ])('given a pause %s, then the clock is refused, naming the field', (_, bad, field) => {
    expect(inputError(() => permit({ pauses: [bad] })).field).toBe(field);
  });
});

describe('extensions', () => {
  it('given +10 days approved by the head of the body, then the deadline moves 10 working days', () => {
    const clock = permit({ extensions: [extension()], today: '2025-10-28' });
    expect(clock).toMatchObject({ deadline: '2025-11-13', limitDays: 30, extensionDays: 10, warnings: [] });
    expect(clock.status).toBe('green'); // 22 of 30 days: under 80% again
  });

  it('given more than the statutory 10 days, then it warns but still counts them', () => {
    expect(STATUTORY_EXTENSION_DAYS).toBe(10);
    const clock = permit({ extensions: [extension({ days: 15 })], today: '2025-10-28' });
    expect(clock.limitDays).toBe(35);
    expect(clock.warnings.map((w) => w.code)).toEqual(['EXTENSION_BEYOND_STATUTE']);
    const joint = permit({
      extensions: [extension({ days: 15 })],
      today: '2025-10-28',
      statutoryExtensionDays: 15,
    });
    expect(joint.warnings).toEqual([]);
  });

  it('given an extension approved after the deadline it extends, then it warns', () => {
    const clock = permit({ extensions: [extension({ approvedOn: '2025-10-31' })], today: '2025-11-03' });
    expect(clock.warnings.map((w) => w.code)).toEqual(['EXTENSION_APPROVED_LATE']);
  });

  it.each([
    ['without who approved it', extension({ approvedBy: '' }), 'extensions.0.approvedBy'],
    ['without a reason', extension({ reason: '' }), 'extensions.0.reason'],
    ['of no days', extension({ days: 0 }), 'extensions.0.days'],
    ['approved after today', extension({ approvedOn: '2025-11-01' }), 'extensions.0.approvedOn'],
  ])('given an extension %s, then the clock is refused', (_, bad, field) => {
    const error = inputError(() => permit({ extensions: [bad], today: '2025-10-28' }));
    expect(error.field).toBe(field);
    expect(error.zh).not.toBe('');
  });
});

describe('reminder dates', () => {
  it('given a running clock, then amber begins on the 16th working day and red the day after the deadline', () => {
    expect(reminderDates(permit())).toEqual({ amber: '2025-10-24', red: '2025-10-31', provisional: false });
  });

  it('given a pause, then the reminders move with the deadline; while it is open they are provisional', () => {
    expect(
      reminderDates(permit({ pauses: [pause('2025-10-13', '2025-10-17')], today: '2025-10-20' })),
    ).toEqual({
      amber: '2025-10-31',
      red: '2025-11-07',
      provisional: false,
    });
    expect(reminderDates(permit({ pauses: [pause('2025-10-13')], today: '2025-10-20' })).provisional).toBe(
      true,
    );
  });
});

describe('clock input', () => {
  it('given a reading before acceptance or a bad limit, then the clock is refused', () => {
    expect(inputError(() => permit({ today: '2025-09-25' })).field).toBe('today');
    expect(inputError(() => permit({ limitDays: -1 })).field).toBe('limitDays');
    expect(inputError(() => permit({ thresholds: { amber: 1.5 } })).field).toBe('thresholds.amber');
    expect(inputError(() => permit({ acceptedOn: '2025-09-31' })).field).toBe('acceptedOn');
  });
});
