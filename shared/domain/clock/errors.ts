import { DomainError } from '../errors.ts';

/**
 * The clock's errors carry their words in zh-CN and English, as every DomainError does; `message` holds both for
 * logs. Requests are checked before the clock sees them (the API's schemas, clock-record.ts, year-data.ts), so
 * one of these reaching a caller means stored data that does not hold together: the platform's fault, a 500.
 */

/** One thing wrong with a year's holiday data, with the rule it breaks and the date concerned. */
export interface YearDataProblem {
  rule: string;
  date?: string;
  zh: string;
  en: string;
}

/** Holiday data an administrator tried to load that the calendar will not accept. */
export class CalendarDataError extends DomainError {
  constructor(
    readonly year: number,
    readonly problems: YearDataProblem[],
  ) {
    super({
      code: 'YEAR_DATA_INVALID',
      zh: `${year} 年的节假日数据有误`,
      en: `The holiday data for ${year} is not valid`,
      status: 500,
      details: problems,
      message:
        `${year} 年的节假日数据有误 / The holiday data for ${year} is not valid: ` +
        problems.map((p) => p.en).join('; '),
    });
    this.name = 'CalendarDataError';
  }
}

/** A case's clock asked for with inconsistent input: a pause without a reason, an end before its start … */
export class ClockInputError extends DomainError {
  constructor(
    readonly field: string,
    zh: string,
    en: string,
  ) {
    super({ code: 'CLOCK_INPUT_INVALID', zh, en, status: 500, message: `${field}: ${zh} / ${en}` });
    this.name = 'ClockInputError';
  }
}
