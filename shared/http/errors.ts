import { CaseNotFoundError } from '../domain/cases/errors.ts';
import { DomainError, FORBIDDEN } from '../domain/errors.ts';

/** A refusal of the API's own, with no rule of the domain behind it: a body too large, a missing sign-in … */
export class HttpError extends DomainError {
  constructor(status: number, code: string, zh: string, en: string, details?: unknown) {
    super({ code, zh, en, status, details, message: en });
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, zh: string, en: string, details?: unknown) =>
  new HttpError(400, code, zh, en, details);

export const notFound = (code: string, zh: string, en: string) => new HttpError(404, code, zh, en);

export const forbidden = () => new HttpError(403, FORBIDDEN.code, FORBIDDEN.zh, FORBIDDEN.en);

export const conflict = (code: string, zh: string, en: string) => new HttpError(409, code, zh, en);

/** Someone else's case answers exactly like a case that does not exist: nothing reveals that it does. */
export const noSuchCase = () => new CaseNotFoundError();
