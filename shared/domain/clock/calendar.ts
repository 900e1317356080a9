import { addDays, isWeekend, yearOf } from './dates.ts';
import { CalendarDataError } from './errors.ts';
import { statutoryHolidays } from './projection.ts';
import { provisionalAssumption } from './provisional.ts';
import { publishedYears } from './published.ts';
import { checkYearData, type YearData } from './year-data.ts';

export { CalendarDataError } from './errors.ts';
export type { YearData } from './year-data.ts';

interface KnownYear {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  source: string;
}

/**
 * Which days are working days (工作日, 行政许可法 Art. 82: statutory holidays excluded): Monday-Friday, minus the
 * holidays of the State Council's notice, plus its make-up weekend workdays — for the years it knows. A year
 * whose notice is not published or loaded is counted provisionally, never refused: Monday-Friday minus the
 * statutory holidays the law itself fixes (projection.ts). Whoever computes a date says which unknown years it
 * assumed (`provisionalYears`), and the rules of provisional.ts decide what such a date may be used for.
 * It is immutable: loading years gives a new calendar, so a clock computed earlier cannot change under its
 * reader.
 */
export class WorkCalendar {
  readonly #years: ReadonlyMap<number, KnownYear>;
  readonly #projected = new Map<number, KnownYear>();

  private constructor(years: ReadonlyMap<number, KnownYear>) {
    this.#years = years;
  }

  /** Years taken as they are: the published ones are checked by the tests, not on every cold start. */
  static fromTrusted(years: YearData[]): WorkCalendar {
    return new WorkCalendar(new Map(years.map((data) => [data.year, known(data)])));
  }

  /**
   * This calendar with years an administrator loaded, each checked first (CalendarDataError lists what is
   * wrong). A loaded year replaces a published one entirely: it is how a later notice is applied, as in
   * 2020 when the Spring Festival break was extended after its schedule was out.
   */
  withYears(...loaded: YearData[]): WorkCalendar {
    for (const data of loaded) {
      const problems = checkYearData(data);
      if (problems.length > 0) throw new CalendarDataError(data.year, problems);
    }
    const years = new Map(this.#years);
    for (const data of loaded) years.set(data.year, known(data));
    return new WorkCalendar(years);
  }

  isWorkingDay(date: string): boolean {
    const year = this.#year(yearOf(date));
    if (year.workdays.has(date)) return true;
    if (year.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  /** Whether the year's schedule is published or loaded; if not, its days are provisional. */
  knows(year: number): boolean {
    return this.#years.has(year);
  }

  /** The unknown years this calendar has had to count provisionally so far. */
  assumedYears(): number[] {
    return [...this.#projected.keys()].sort((a, b) => a - b);
  }

  /** The years known, in order. */
  years(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** The years from `from` to `to` (either order) whose schedule is not known: a date counted across them is provisional. */
  provisionalYears(from: string, to: string): number[] {
    const [first, last] = [yearOf(from), yearOf(to)].sort((a, b) => a - b) as [number, number];
    const unknown: number[] = [];
    for (let year = first; year <= last; year++) if (!this.knows(year)) unknown.push(year);
    return unknown;
  }

  /** The n-th working day after `from`; `from` itself is never counted (the acceptance day is not). */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days to add must be a whole number ≥ 0: ${n}`);
    yearOf(from);
    let date = from;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }

  sourceOf(year: number): string {
    return this.#year(year).source;
  }

  /** The distinct sources of the years from `from` to `to`, for a result to say what it was computed from. */
  sourcesBetween(from: string, to: string): string[] {
    const [first, last] = [yearOf(from), yearOf(to)].sort((a, b) => a - b) as [number, number];
    const sources = new Set<string>();
    for (let year = first; year <= last; year++) sources.add(this.sourceOf(year));
    return [...sources];
  }

  #year(year: number): KnownYear {
    const found = this.#years.get(year) ?? this.#projected.get(year);
    if (found) return found;
    const projected = known({
      year,
      holidays: statutoryHolidays(year),
      workdays: [],
      source: provisionalAssumption(year).en,
    });
    this.#projected.set(year, projected);
    return projected;
  }
}

function known(data: YearData): KnownYear {
  return { holidays: new Set(data.holidays), workdays: new Set(data.workdays), source: data.source };
}

let published: WorkCalendar | undefined;

/** The calendar of the years chinese-days publishes (2004-2026 in 1.5.7), built once per process. */
export function defaultCalendar(): WorkCalendar {
  published ??= WorkCalendar.fromTrusted(publishedYears());
  return published;
}

/** The published calendar with years an administrator loaded (checked; they replace published ones). */
export function calendarWith(loaded: YearData[]): WorkCalendar {
  return defaultCalendar().withYears(...loaded);
}
