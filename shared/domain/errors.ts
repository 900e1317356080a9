import type { ZodError } from 'zod';

/** What a caller is told of an error: a stable code, its words in zh-CN and English, and what helps fix it. */
export interface Refusal {
  code: string;
  zh: string;
  en: string;
  details?: unknown;
}

export interface DomainErrorInit extends Refusal {
  /**
   * The HTTP status it answers with. 500 is the platform's own fault (stored data that does not hold
   * together): the API keeps its words for the log and tells the caller only that the service failed.
   */
  status: number;
  /** What the log says; both languages unless given. */
  message?: string;
}

/**
 * The one family of the platform's errors, so that the API, the workflow and the department systems all read
 * the same shape: a stable code, words for people, the status it maps to, and the error behind it (`cause`,
 * kept so a log shows the DynamoDB refusal under a StaleCaseError). Each subclass sets `name` as a literal:
 * bundles are minified, and Step Functions matches and the supervisors' stalled list shows the name.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(init: DomainErrorInit, options?: ErrorOptions) {
    super(init.message ?? `${init.en} / ${init.zh}`, options);
    this.name = 'DomainError';
    this.code = init.code;
    this.zh = init.zh;
    this.en = init.en;
    this.status = init.status;
    if (init.details !== undefined) this.details = init.details;
  }

  /** What a caller is told: the error's own code and words, unless a subclass says less. */
  refusal(): Refusal {
    const { code, zh, en, details } = this;
    return { code, zh, en, ...(details === undefined ? {} : { details }) };
  }
}

/** A refusal that says no more than that (a 403 does not reveal why, nor whether the thing exists). */
export const FORBIDDEN: Refusal = {
  code: 'FORBIDDEN',
  zh: '您无权执行此操作',
  en: 'You are not allowed to do this',
};

/**
 * Input that is not of the shape the code takes: a request body, a workflow step's input, an event's detail.
 * Another try reads the same input: the approval workflow fails on it at once (FINAL_ERRORS).
 */
export class InvalidInputError extends DomainError {
  constructor(error: ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    super(
      {
        code: 'VALIDATION_FAILED',
        zh: '请求内容不符合要求',
        en: 'The request is not valid',
        status: 400,
        details,
        message: `The input is not valid: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`,
      },
      { cause: error },
    );
    this.name = 'InvalidInputError';
  }
}

/** The names of the errors no retry can mend: the approval workflow fails on them at once (workflow-stack.ts). */
export const FINAL_ERRORS: readonly string[] = ['InvalidInputError'];
