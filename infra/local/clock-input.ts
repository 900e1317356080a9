/** Input the platform clock cannot take, with the reason in both languages the local server answers in. */
export class ClockInputError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'ClockInputError';
  }
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
// A date alone is a working morning in China: the hour offices open, well inside the day in every reading.
const BARE_DATE_TIME = 'T10:00:00+08:00';
const EXAMPLES = '2026-12-20T10:00:00+08:00, 2026-12-20T10:00+08:00, 2026-12-20T02:00Z or 2026-12-20';

/**
 * An instant the clock can be set to: ISO 8601 with its UTC offset (seconds and milliseconds optional), or a
 * date alone, read as 10:00 China time. A time without an offset is refused rather than guessed: the machine's
 * zone, UTC and China time would each read it differently.
 */
export function parseInstant(text: string): Date {
  const fields = INSTANT.exec(text.trim());
  if (!fields) {
    throw new ClockInputError(
      `${JSON.stringify(text)} is not a time: give an ISO 8601 instant with its offset or a date, e.g. ${EXAMPLES}`,
      `${JSON.stringify(text)} 不是时间：请给出带时区偏移的 ISO 8601 时间或日期，例如 ${EXAMPLES}`,
    );
  }
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = fields;
  if (hour !== undefined && zone === undefined) {
    throw new ClockInputError(
      `${JSON.stringify(text)} has no UTC offset: add +08:00 for China time, or Z for UTC`,
      `${JSON.stringify(text)} 缺少时区偏移：中国时间请加 +08:00，UTC 请加 Z`,
    );
  }
  const iso =
    hour === undefined
      ? `${year}-${month}-${day}${BARE_DATE_TIME}`
      : `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`;
  const instant = new Date(iso);
  // Date accepts 2026-02-30 and 24:00 by rolling over; a clock set to a day that does not exist is a typo.
  const wallClock = `${year}-${month}-${day}T${hour ?? '10'}:${minute ?? '00'}:${second}`;
  const offset = zoneMs(hour === undefined ? '+08:00' : (zone as string));
  const valid =
    offset !== undefined &&
    !Number.isNaN(instant.getTime()) &&
    new Date(instant.getTime() + offset).toISOString().slice(0, 19) === wallClock;
  if (!valid) {
    throw new ClockInputError(
      `${JSON.stringify(text)} names a day or time that does not exist`,
      `${JSON.stringify(text)} 指定的日期或时间不存在`,
    );
  }
  return instant;
}

function zoneMs(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

const DURATION = /^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * How far to move the clock: milliseconds, or an ISO 8601 duration in weeks, days, hours, minutes and seconds
 * (`P3D`, `PT2H`, `P1DT12H`; a leading `-` goes back). Years and months are refused: their length depends on
 * where they start, and a test that means "30 days" should say so.
 */
export function parseAdvance(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return Math.round(value);
  } else if (typeof value === 'string') {
    const fields = DURATION.exec(value.trim());
    const [, minus, weeks, days, hours, minutes, seconds] = fields ?? [];
    if (fields && [weeks, days, hours, minutes, seconds].some((part) => part !== undefined)) {
      const ms =
        Number(weeks ?? 0) * 604_800_000 +
        Number(days ?? 0) * 86_400_000 +
        Number(hours ?? 0) * 3_600_000 +
        Number(minutes ?? 0) * 60_000 +
        Math.round(Number(seconds ?? 0) * 1000);
      return minus ? -ms : ms;
    }
  }
  throw new ClockInputError(
    `${JSON.stringify(value)} is not a duration: give milliseconds or ISO 8601 weeks, days, hours, minutes and ` +
      'seconds, e.g. "P3D", "PT2H", "P1DT12H" (years and months have no fixed length)',
    `${JSON.stringify(value)} 不是时长：请给出毫秒数，或以周、天、时、分、秒表示的 ISO 8601 时长，例如 "P3D"、"PT2H"、` +
      '"P1DT12H"（年和月长度不定，不接受）',
  );
}
