import { DomainError } from '../../errors.ts';
import { hash64 } from './hash.ts';

/** A cursor from another query, from an index since replaced, or made up: the searcher is told so (400). */
export class InvalidCursorError extends DomainError {
  constructor() {
    super({
      code: 'INVALID_CURSOR',
      zh: '分页游标无效',
      en: 'The cursor is not valid for this query',
      status: 400,
      message: 'the cursor is not valid for this query',
    });
    this.name = 'InvalidCursorError';
  }
}

/**
 * A cursor is base64url("offset.fingerprint"), the fingerprint being a hash of the index version, the
 * normalized query and the filters: a cursor from another query, or from an index since replaced (whose
 * offsets mean other items), is refused rather than silently skipping or repeating results.
 */
export const fingerprint = (parts: unknown[]) => hash64(JSON.stringify(parts));

export function encodeCursor(offset: number, print: string): string {
  return Buffer.from(`${offset}.${print}`).toString('base64url');
}

export function decodeCursor(cursor: string, print: string, total: number): number {
  // Node's base64 decoder skips characters it does not know; check the alphabet first.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw new InvalidCursorError();
  const m = /^(\d{1,9})\.([0-9a-f]{16})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  const offset = Number(m?.[1]);
  // Only offsets inside the results are ever issued.
  if (!m || m[2] !== print || offset <= 0 || offset >= total) throw new InvalidCursorError();
  // Spare bits in the last character would let two spellings decode alike; only ours is accepted.
  if (encodeCursor(offset, print) !== cursor) throw new InvalidCursorError();
  return offset;
}
