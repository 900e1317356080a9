import { describe, expect, it } from 'vitest';
import { chain, GENESIS, verifyChain } from '../../../shared/adapters/audit-chain.ts';
import type { AuditRecord } from '../../../shared/domain/cases/model.ts';

const record = (action: string, at: string): AuditRecord => ({
  caseId: 'c-1',
  at,
  actor: { subject: 'system', roles: ['system'] },
  action,
  from: 'submitted',
  to: 'submitted',
});
const records = [
  record('submit', '2026-12-01T10:00:00+08:00'),
  record('accept', '2026-12-01T10:05:00+08:00'),
  record('staff-read', '2026-12-01T11:00:00+08:00'),
];

describe("a case's audit trail as a hash chain", () => {
  const { links, head } = chain(records, GENESIS);
  const trail = records.map((r, i) => ({ record: r, link: links[i] }));

  it('holds as written, and links each record to the one before', () => {
    expect(verifyChain(trail, head)).toEqual({ intact: true, records: 3 });
    expect(links.map((l) => l.n)).toEqual([1, 2, 3]);
    expect(links[1]!.prev).toBe(links[0]!.hash);
  });

  it('does not depend on the order the fields were written in', () => {
    const reordered = trail.map(({ record: r, link }) => ({
      record: Object.fromEntries(Object.entries(r).reverse()) as AuditRecord,
      link,
    }));
    expect(verifyChain(reordered, head).intact).toBe(true);
  });

  it('breaks where a record was changed, removed, slipped in, or cut off at the end', () => {
    const changed = trail.map((t, i) => (i === 1 ? { ...t, record: { ...t.record, reason: 'x' } } : t));
    expect(verifyChain(changed, head)).toMatchObject({ intact: false, brokenAt: 2 });
    expect(verifyChain([trail[0]!, trail[2]!], head)).toMatchObject({ intact: false, brokenAt: 3 });
    expect(
      verifyChain([...trail, { record: record('approve', '2026-12-02T09:00:00+08:00') }], head),
    ).toMatchObject({
      intact: false,
    });
    expect(verifyChain(trail.slice(0, 2), head)).toMatchObject({ intact: false, brokenAt: 3 });
  });
});
