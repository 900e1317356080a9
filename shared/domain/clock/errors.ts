/**
 * The clock's errors carry their words in zh-CN and English, like the API's, so a handler can pass them
 * through unchanged; `message` holds both for logs.
 */

/** One thing wrong with a year's holiday data, with the rule it breaks and the date concerned. */
export interface YearDataProblem {
  rule: string;
  date?: string;
  zh: string;
  en: string;
}

/** Holiday data an administrator tried to load that the calendar will not accept. */
export class CalendarDataError extends Error {
  constructor(
    readonly year: number,
    readonly problems: YearDataProblem[],
  ) {
    super(
      `${year} 年的节假日数据有误 / The holiday data for ${year} is not valid: ` +
        problems.map((p) => p.en).join('; '),
    );
    this.name = 'CalendarDataError';
  }
}

/** A case's clock asked for with inconsistent input: a pause without a reason, an end before its start … */
export class ClockInputError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${field}: ${zh} / ${en}`);
    this.name = 'ClockInputError';
  }
}
