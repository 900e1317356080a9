import { randomUUID } from 'node:crypto';
import { IdempotencyConflict, requestHash } from '../../shared/adapters/case-store.ts';
import { startApproval } from '../../shared/adapters/workflow.ts';
import { checkApplication } from '../../shared/domain/cases/application.ts';
import { draftCase, transition } from '../../shared/domain/cases/lifecycle.ts';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import { badRequest, conflict, HttpError, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { Application } from '../../shared/http/schemas/cases.ts';
import { cases, caseView, catalog } from './store.ts';

/**
 * POST /api/cases: a citizen or enterprise applies. The matter's version in force is pinned to the case; the
 * Idempotency-Key makes a retried request return the same case, and the same key with another body a 409.
 * The approval workflow starts, named after the case.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const key = request.headers?.['idempotency-key'];
  if (!key || !/^[\w-]{8,128}$/.test(key)) {
    throw badRequest(
      'IDEMPOTENCY_KEY_REQUIRED',
      '请求须带 Idempotency-Key 头（8-128 位字母、数字、-、_）',
      'Send an Idempotency-Key header (8-128 letters, digits, - or _)',
    );
  }
  const application = Application.parse(request.json);
  const hash = requestHash(application);
  try {
    const earlier = await cases.replay(actor.subject, key, hash);
    if (earlier) {
      // A retry also makes sure the workflow runs, in case the first attempt stopped before starting it.
      await startApproval(earlier.id);
      return { statusCode: 200, body: caseView(earlier) };
    }
  } catch (error) {
    if (error instanceof IdempotencyConflict) throw reused();
    throw error;
  }

  const found = await catalog.inForce<ImplementationItem>(
    'ITEM',
    application.implementationCode,
    chinaDate(),
  );
  if (!found) throw notFound('MATTER_NOT_FOUND', '未找到该事项', 'No such matter');
  const problems = checkApplication(application, { actor, matter: found.item });
  if (problems.length > 0) throw badRequest(problems[0]!.code, problems[0]!.zh, problems[0]!.en, problems);
  if (!actor.idHash) {
    throw new HttpError(
      403,
      'REAL_NAME_REQUIRED',
      '请先完成实名认证',
      'Complete real-name verification first',
    );
  }

  const at = new Date().toISOString();
  const draft = draftCase({
    id: randomUUID(),
    matter: found.item,
    version: found.version,
    applicant: {
      subject: actor.subject,
      kind: actor.roles.includes('enterprise') ? 'enterprise' : 'person',
      name: actor.name ?? '—',
      idHash: actor.idHash,
    },
    at,
  });
  const { case: submitted, record } = transition(draft, 'submitted', { actor, at });
  try {
    await cases.create(submitted, application, record, { subject: actor.subject, key, hash });
  } catch (error) {
    // Two requests with one key at the same moment: the loser answers with the winner's case.
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const winner = await cases.replay(actor.subject, key, hash).catch(() => {
      throw reused();
    });
    if (winner) {
      await startApproval(winner.id);
      return { statusCode: 200, body: caseView(winner) };
    }
    throw error;
  }
  await startApproval(submitted.id);
  return { statusCode: 201, body: caseView(submitted), headers: { location: `/api/cases/${submitted.id}` } };
});

const reused = () =>
  conflict(
    'IDEMPOTENCY_KEY_REUSED',
    '该 Idempotency-Key 已用于另一份申请',
    'This Idempotency-Key was used for another request',
  );
