import { createHash } from 'node:crypto';
import type { HandoffKind } from '../domain/routing/handoff.ts';

/**
 * One id per case and kind, whoever computes it and however often: redelivery finds the same hand-off. A hash
 * shaped like a UUID, computed here rather than in shared/domain/routing, whose rules draw on no node: module.
 */
export function handoffId(caseId: string, kind: HandoffKind): string {
  const h = createHash('sha256').update(`${caseId}:${kind}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
