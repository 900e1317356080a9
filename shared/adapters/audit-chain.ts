import { createHash } from 'node:crypto';
import type { AuditRecord } from '../domain/cases/model.ts';

/**
 * The tamper-evident audit trail (等保 level 3): each of a case's audit records carries a link — its place n in
 * the case's trail, the hash of the record before it, and its own hash over that and the record — and the case
 * keeps the head (n and hash of the last). Every write that appends a record moves the head in the same
 * transaction, on condition that it is still where the writer read it, so the trail never forks; a record
 * changed, removed or slipped in afterwards breaks the chain at that place, which `verifyChain` reports.
 */
export interface Link {
  n: number;
  prev: string;
  hash: string;
}

export interface ChainHead {
  n: number;
  head: string;
}

/** The head of a trail with no record yet. */
export const GENESIS: ChainHead = { n: 0, head: '' };

export function linkOf(record: AuditRecord, after: ChainHead): Link {
  const hash = createHash('sha256')
    .update(`${after.head}\n${canonical(record)}`)
    .digest('hex');
  return { n: after.n + 1, prev: after.head, hash };
}

/** Links several records in order, from `from`: their links and the new head. */
export function chain(records: readonly AuditRecord[], from: ChainHead): { links: Link[]; head: ChainHead } {
  const links: Link[] = [];
  let head = from;
  for (const record of records) {
    const link = linkOf(record, head);
    links.push(link);
    head = { n: link.n, head: link.hash };
  }
  return { links, head };
}

export type ChainCheck =
  | { intact: true; records: number }
  | { intact: false; records: number; brokenAt: number; reason: string };

/**
 * Walks a case's records in the order of their links and recomputes every hash: the first place where a hash,
 * a link to the one before, or the case's head does not hold is reported.
 */
export function verifyChain(
  items: readonly { record: AuditRecord; link?: Link }[],
  head: ChainHead | undefined,
): ChainCheck {
  const linked = items.filter((i) => i.link).sort((a, b) => a.link!.n - b.link!.n);
  let before = GENESIS;
  for (const { record, link } of linked) {
    const broken = (reason: string): ChainCheck => ({
      intact: false,
      records: linked.length,
      brokenAt: link!.n,
      reason,
    });
    if (link!.n !== before.n + 1) return broken(`record ${before.n + 1} is missing`);
    if (link!.prev !== before.head) return broken('its link to the record before does not hold');
    if (linkOf(record, before).hash !== link!.hash)
      return broken('the record was changed after it was written');
    before = { n: link!.n, head: link!.hash };
  }
  if (items.length !== linked.length) {
    return {
      intact: false,
      records: linked.length,
      brokenAt: before.n + 1,
      reason: 'a record without a link',
    };
  }
  if (head && (head.n !== before.n || head.head !== before.head)) {
    return {
      intact: false,
      records: linked.length,
      brokenAt: before.n + 1,
      reason: 'the last records are missing',
    };
  }
  return { intact: true, records: linked.length };
}

/** JSON with sorted keys: the same record always hashes the same, whatever order its fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
