import { randomUUID } from 'node:crypto';
import { isTransactionCancelled } from '../../shared/adapters/aws-errors.ts';
import { StaleCaseError } from '../../shared/adapters/case-store.ts';
import { nowIso, today } from '../../shared/adapters/clock.ts';
import { evidenceSources } from '../../shared/adapters/evidence-sources.ts';
import { startApproval } from '../../shared/adapters/workflow.ts';
import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { type Application, checkApplication } from '../../shared/domain/cases/application.ts';
import { checkClaims } from '../../shared/domain/cases/evidence.ts';
import { draftCase, transition } from '../../shared/domain/cases/lifecycle.ts';
import type { Case, Intake, Party } from '../../shared/domain/cases/model.ts';
import { MatterNotFoundError } from '../../shared/domain/catalog/errors.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import type { Identity } from '../../shared/domain/identity.ts';
import { badRequest, conflict, noSuchCase } from '../../shared/http/errors.ts';
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
   * Whom the case is for and how it came in, once the application passed the matter's checks; throws a
   * DomainError to refuse the submitter.
   */
  party(matter: ImplementationItem): { applicant: Party; assisted?: boolean; intake?: Intake };
  /** The answer's body, and where the case can be read. */
  view(c: Case): object;
  location(id: string): string;
  /**
   * Keep it as a draft (草稿): nothing is checked but the matter, no workflow starts and no department hears
   * of it; files are uploaded to it, and it is submitted once, as it stands then (`submitDraft`).
   */
  draft?: boolean;
}

/**
 * What every channel's submission shares: a retried request (same Idempotency-Key and request) answers with
 * the case it created, and the same key with another request is a 409; the matter's version in force is
 * pinned; the application is checked against it; the case, its first audit record and the key are written in
 * one transaction, and the approval workflow starts, named after the case.
 */
export async function submit(s: Submission) {
  const { actor, key, requestHash: hash } = s;
  const earlier = await cases.replay(actor.subject, key, hash);
  // A retry also makes sure the workflow runs, in case the first attempt stopped before starting it.
  if (earlier) return answer(s, earlier, 200);

  const found = await matterInForce(s.application.implementationCode);
  if (!s.draft) checkAgainst(s.application, actor, found.item);
  const { applicant, assisted, intake } = s.party(found.item);
  const id = randomUUID();
  if (!s.draft) await refuseUnproven(s.application, found.item, { id: 'new', applicant });

  const at = nowIso();
  const draft: Case = {
    ...draftCase({ id, matter: found.item, version: found.version, applicant, assisted, at }),
    ...(intake ? { intake } : {}),
  };
  const { case: created, record } = s.draft
    ? { case: draft, record: undefined }
    : transition(draft, 'submitted', { actor, at });
  try {
    await cases.create(created, stored(s.application), record, { subject: actor.subject, key, hash });
  } catch (error) {
    // Two requests with one key at the same moment: the loser answers with the winner's case.
    if (!isTransactionCancelled(error)) throw error;
    const winner = await cases.replay(actor.subject, key, hash);
    if (winner) return answer(s, winner, 200);
    throw error;
  }
  return answer(s, created, 201);
}

/**
 * POST /api/cases/{id}/submission: the applicant submits their draft, with the application as it stands now —
 * its files already uploaded to the draft and checked, so the pre-check sees what was really provided and a
 * one-time notice names only what is truly missing or wrong. The version in force today is pinned (a case is
 * judged by the version in force when it was submitted) and the application checked against it, as a direct
 * submission is. A retry with the same Idempotency-Key answers the submitted case.
 */
export async function submitDraft(
  s: Omit<Submission, 'party' | 'draft' | 'key'> & { caseId: string; keyOf: () => string },
) {
  const { actor, requestHash: hash } = s;
  // Someone else's case, or none, is a 404 whatever the request lacks: nothing is told of it.
  const current = await cases.get(s.caseId);
  if (!current || !isOwnCase(current, actor)) throw noSuchCase();
  const key = s.keyOf();
  const earlier = await cases.replay(actor.subject, key, hash);
  if (earlier) return answer(s, earlier, 200);
  if (current.status !== 'draft') {
    throw conflict('CASE_SUBMITTED', '该申请已提交', 'This application has been submitted already');
  }
  if (s.application.implementationCode !== current.matter.implementationCode) {
    throw badRequest(
      'MATTER_MISMATCH',
      '草稿与所提交的事项不一致',
      'The application is for another matter than the draft',
    );
  }
  const found = await matterInForce(s.application.implementationCode);
  checkAgainst(s.application, actor, found.item);
  await refuseUnproven(s.application, found.item, current);

  const { id, applicant, assisted, createdAt, intake } = current;
  const repinned: Case = {
    ...current,
    ...draftCase({ id, matter: found.item, version: found.version, applicant, assisted, at: createdAt }),
    ...(intake ? { intake } : {}),
  };
  const { case: submitted, record } = transition(repinned, 'submitted', { actor, at: nowIso() });
  try {
    await cases.transition(current, submitted, record, {
      application: stored(s.application),
      also: [cases.idempotencyPut({ subject: actor.subject, key, hash }, id)],
    });
  } catch (error) {
    // Submitted meanwhile: by this very request (answer its case) or by another (a 409).
    if (!(error instanceof StaleCaseError)) throw error;
    const winner = await cases.replay(actor.subject, key, hash);
    if (winner) return answer(s, winner, 200);
    throw conflict('CASE_SUBMITTED', '该申请已提交', 'This application has been submitted already');
  }
  return answer(s, submitted, 200);
}

/** PUT /api/cases/{id}/draft: the applicant keeps what they have filled in so far; nothing is checked yet. */
export async function saveDraft(actor: Identity, caseId: string, application: Application) {
  const current = await cases.get(caseId);
  if (!current || !isOwnCase(current, actor)) throw noSuchCase();
  if (current.status !== 'draft') {
    throw conflict('CASE_SUBMITTED', '该申请已提交', 'This application has been submitted already');
  }
  if (application.implementationCode !== current.matter.implementationCode) {
    throw badRequest(
      'MATTER_MISMATCH',
      '草稿与所保存的事项不一致',
      'The application is for another matter than the draft',
    );
  }
  return cases.saveDraft(current, stored(application), nowIso());
}

async function matterInForce(code: string) {
  const found = await catalog.inForce<ImplementationItem>('ITEM', code, today());
  if (!found) throw new MatterNotFoundError();
  return found;
}

function checkAgainst(application: Application, actor: Identity, matter: ImplementationItem) {
  const problems = checkApplication(application, { actor, matter, today: today() });
  if (problems.length > 0) throw badRequest(problems[0]!.code, problems[0]!.zh, problems[0]!.en, problems);
}

/** The application as the case keeps it: the applicant's ID number stays out of the table (its hash is kept). */
function stored(application: Application): Application {
  const { onBehalfOf: _applicant, ...rest } = application;
  return rest;
}

/**
 * Claims at submission must already be evidence: a file uploaded to this case (a draft's) and checked, an
 * e-licence the applicant holds, or a commitment the matter allows them. A case submitted directly has no
 * uploads yet (its files come through its upload URLs, then a supplement). Anything else is refused, with
 * every reason at once.
 */
async function refuseUnproven(
  application: Application,
  matter: ImplementationItem,
  c: Pick<Case, 'id' | 'applicant'>,
) {
  if (application.materials.length === 0) return;
  const sources = await evidenceSources(evidence, c, matter, application);
  const refused = checkClaims(application.materials, sources).filter((x) => !x.evidence);
  if (refused.length === 0) return;
  const details = refused.map((x) => ({ materialId: x.claim.materialId, problems: x.problems }));
  const first = refused[0]!.problems[0]!;
  throw badRequest('EVIDENCE_REFUSED', first.zh, first.en, details);
}

async function answer(s: Pick<Submission, 'view' | 'location'>, c: Case, statusCode: 200 | 201) {
  // A draft has no workflow yet; anything submitted has one, started again here in case a retry needs it.
  if (c.status !== 'draft') await startApproval(c);
  return {
    statusCode,
    body: s.view(c),
    ...(statusCode === 201 ? { headers: { location: s.location(c.id) } } : {}),
  };
}
