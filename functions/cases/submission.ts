import { randomUUID } from 'node:crypto';
import { IdempotencyConflict } from '../../shared/adapters/case-store.ts';
import { nowIso, today } from '../../shared/adapters/clock.ts';
import { evidenceSources } from '../../shared/adapters/evidence-sources.ts';
import { startApproval } from '../../shared/adapters/workflow.ts';
import { type Application, checkApplication } from '../../shared/domain/cases/application.ts';
import { checkClaims } from '../../shared/domain/cases/evidence.ts';
import { draftCase, transition } from '../../shared/domain/cases/lifecycle.ts';
import type { Case, Intake, Party } from '../../shared/domain/cases/model.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import type { Identity } from '../../shared/domain/identity.ts';
import { badRequest, conflict, notFound } from '../../shared/http/errors.ts';
import type { HttpRequest } from '../../shared/http/handler.ts';
import { cases, catalog, evidence } from './store.ts';

/** The Idempotency-Key header every submission carries; a 400 without a usable one. */
export function idempotencyKeyOf(request: HttpRequest): string {
  const key = request.headers?.['idempotency-key'];
  if (!key || !/^[\w-]{8,128}$/.test(key)) {
    throw badRequest(
      'IDEMPOTENCY_KEY_REQUIRED',
      '请求须带 Idempotency-Key 头（8-128 位字母、数字、-、_）',
      'Send an Idempotency-Key header (8-128 letters, digits, - or _)',
    );
  }
  return key;
}

export interface Submission {
  actor: Identity;
  key: string;
  application: Application;
  /** Stands for the request in the idempotency record: the same key with another request is a 409. */
  requestHash: string;
  /**
   * Whom the case is for and how it came in, once the application passed the matter's checks; throws an
   * HttpError to refuse the submitter.
   */
  party(matter: ImplementationItem): { applicant: Party; assisted?: boolean; intake?: Intake };
  /** The answer's body, and where the case can be read. */
  view(c: Case): object;
  location(id: string): string;
}

/**
 * What every channel's submission shares: a retried request (same Idempotency-Key and request) answers with
 * the case it created, and the same key with another request is a 409; the matter's version in force is
 * pinned; the application is checked against it; the case, its first audit record and the key are written in
 * one transaction, and the approval workflow starts, named after the case.
 */
export async function submit(s: Submission) {
  const { actor, key, requestHash: hash } = s;
  const earlier = await replay(actor.subject, key, hash);
  // A retry also makes sure the workflow runs, in case the first attempt stopped before starting it.
  if (earlier) return answer(s, earlier, 200);

  const found = await catalog.inForce<ImplementationItem>('ITEM', s.application.implementationCode, today());
  if (!found) throw notFound('MATTER_NOT_FOUND', '未找到该事项', 'No such matter');
  const problems = checkApplication(s.application, { actor, matter: found.item });
  if (problems.length > 0) throw badRequest(problems[0]!.code, problems[0]!.zh, problems[0]!.en, problems);
  const { applicant, assisted, intake } = s.party(found.item);
  await refuseUnproven(s.application, found.item, applicant);

  const at = nowIso();
  const draft: Case = {
    ...draftCase({ id: randomUUID(), matter: found.item, version: found.version, applicant, assisted, at }),
    ...(intake ? { intake } : {}),
  };
  const { case: submitted, record } = transition(draft, 'submitted', { actor, at });
  // The applicant's ID number stays out of the table: the case holds its keyed hash only.
  const { onBehalfOf: _applicant, ...stored } = s.application;
  try {
    await cases.create(submitted, stored, record, { subject: actor.subject, key, hash });
  } catch (error) {
    // Two requests with one key at the same moment: the loser answers with the winner's case.
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const winner = await replay(actor.subject, key, hash);
    if (winner) return answer(s, winner, 200);
    throw error;
  }
  return answer(s, submitted, 201);
}

/**
 * Claims at submission must already be evidence: a new case has no uploads yet (files come through its upload
 * URLs, then a supplement), so only an e-licence the applicant holds or a commitment the matter allows them can
 * stand for a material now. Anything else is refused, with every reason at once.
 */
async function refuseUnproven(
  application: Application,
  matter: ImplementationItem,
  applicant: Case['applicant'],
) {
  if (application.materials.length === 0) return;
  const sources = await evidenceSources(evidence, { id: 'new', applicant }, matter, application);
  const refused = checkClaims(application.materials, sources).filter((x) => !x.evidence);
  if (refused.length === 0) return;
  const details = refused.map((x) => ({ materialId: x.claim.materialId, problems: x.problems }));
  const first = refused[0]!.problems[0]!;
  throw badRequest('EVIDENCE_REFUSED', first.zh, first.en, details);
}

async function answer(s: Submission, c: Case, statusCode: 200 | 201) {
  await startApproval(c);
  return {
    statusCode,
    body: s.view(c),
    ...(statusCode === 201 ? { headers: { location: s.location(c.id) } } : {}),
  };
}

async function replay(subject: string, key: string, hash: string): Promise<Case | undefined> {
  try {
    return await cases.replay(subject, key, hash);
  } catch (error) {
    if (!(error instanceof IdempotencyConflict)) throw error;
    throw conflict(
      'IDEMPOTENCY_KEY_REUSED',
      '该 Idempotency-Key 已用于另一份申请',
      'This Idempotency-Key was used for another request',
    );
  }
}
