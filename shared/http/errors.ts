/** An error a user can cause and understand: status, a stable code, and a message in zh-CN and English. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, zh: string, en: string, details?: unknown) =>
  new HttpError(400, code, zh, en, details);

export const notFound = (code: string, zh: string, en: string) => new HttpError(404, code, zh, en);

export const forbidden = () =>
  new HttpError(403, 'FORBIDDEN', '您无权执行此操作', 'You are not allowed to do this');

export const conflict = (code: string, zh: string, en: string) => new HttpError(409, code, zh, en);

/** Someone else's case answers exactly like a case that does not exist: nothing reveals that it does. */
export const noSuchCase = () => notFound('CASE_NOT_FOUND', '未找到该办件', 'No such case');
