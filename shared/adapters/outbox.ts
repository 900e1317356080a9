import { randomUUID } from 'node:crypto';

export const CASE_SOURCE = 'tongban.cases';

export const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' });

/**
 * An append-only audit record that also carries the event to publish. Written in the same transaction as
 * the change it records, it reaches the hub bus through the table's stream: no event for a failed write,
 * no write without its event.
 */
export function auditRecord(
  caseId: string,
  detailType: string,
  detail: Record<string, unknown>,
  actor: string,
  now = new Date(),
) {
  return {
    pk: `CASE#${caseId}`,
    sk: `EVENT#${now.toISOString()}#${randomUUID()}`,
    actor,
    at: now.toISOString(),
    outbox: { source: CASE_SOURCE, detailType, detail: { caseId, ...detail, occurredAt: now.toISOString() } },
  };
}
