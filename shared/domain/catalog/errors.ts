import { DomainError } from '../errors.ts';

/** No such matter, or no longer the version a case was submitted under (and is judged by). */
export class MatterNotFoundError extends DomainError {
  constructor(which?: { implementationCode: string; version?: number }) {
    super({
      code: 'MATTER_NOT_FOUND',
      zh: '未找到该事项',
      en: 'No such matter',
      status: 404,
      message: which
        ? `matter ${which.implementationCode}${which.version === undefined ? '' : ` v${which.version}`} is gone`
        : 'No such matter',
    });
    this.name = 'MatterNotFoundError';
  }
}
