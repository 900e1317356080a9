import { ReviewDecisionSubmitted } from '../../events/departments.ts';
import { isSpentTaskToken } from '../../shared/adapters/aws-errors.ts';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { nowIso } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { TaskDecidedError, TaskStore } from '../../shared/adapters/task-store.ts';
import { resume } from '../../shared/adapters/workflow.ts';
import { decide } from '../../shared/domain/cases/decision.ts';
import { CaseError } from '../../shared/domain/cases/errors.ts';
import type { Actor, Message } from '../../shared/domain/cases/model.ts';
import { ForeignEvent, misfit, reject } from './rejections.ts';

const table = requiredEnv('CASES_TABLE');
const cases = new CaseStore(documents, table);
const tasks = new TaskStore(documents, table);
const refusal = (code: string, zh: string, en: string): Message => ({ code, zh, en });

/**
 * A department system answers a review task with a `Review Decision Submitted` event on its region's bus. A
 * valid answer to an open task of that department decides it exactly as a reviewer in the web app would; the
 * same answer again (same idempotency key) changes nothing. Anything else — a malformed answer, an unknown or
 * foreign task, a decision the case cannot take — changes nothing and is recorded with its reason.
 */
export const handler = eventHandler({ input: ForeignEvent }, async (event) => {
  const rejected = await judge(event.detail);
  if (!rejected) return { decided: true };
  await reject(event, rejected);
  return { decided: false, reason: rejected.code };
});

async function judge(detail: unknown): Promise<Message | undefined> {
  const parsed = ReviewDecisionSubmitted.safeParse(detail);
  if (!parsed.success) return misfit('ANSWER_INVALID', { zh: '答复', en: 'the answer' }, parsed.error);
  const answer = parsed.data;
  const found = await tasks.get(answer.taskId);
  if (!found || found.task.caseId !== answer.caseId) {
    return refusal('TASK_NOT_FOUND', '没有与答复对应的审查任务', 'no review task matches the answer');
  }
  const { task, taskToken } = found;
  if (task.department !== answer.department || task.region !== answer.region) {
    return refusal(
      'TASK_OF_ANOTHER_DEPARTMENT',
      '该审查任务不属于答复部门',
      'the task is not for the answering department',
    );
  }
  const reviewer: Actor = {
    subject: `department:${answer.department}:${answer.reviewer.id}`,
    roles: ['reviewer'],
    department: answer.department,
    region: answer.region,
  };
  const decision = { outcome: answer.outcome, reason: answer.reason, reviewer };
  if (task.status !== 'open')
    return sameAnswerAgain(task.answerKey, answer.idempotencyKey, taskToken, decision);
  const c = await cases.get(task.caseId);
  try {
    if (!c) throw new CaseError('CASE_NOT_FOUND', '办件不存在', 'the case does not exist');
    decide(c, answer, reviewer, nowIso());
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return refusal(error.code, error.zh, error.en);
  }
  try {
    await tasks.close(task.id, 'decided', {
      subject: reviewer.subject,
      outcome: answer.outcome,
      answerKey: answer.idempotencyKey,
    });
  } catch (error) {
    if (!(error instanceof TaskDecidedError)) throw error;
    const now = await tasks.get(task.id);
    return sameAnswerAgain(now?.task.answerKey, answer.idempotencyKey, taskToken, decision);
  }
  await resume(taskToken, decision);
  return undefined;
}

/**
 * The task is closed. By this very answer (a redelivery, a replay): fine — and the workflow is resumed again
 * in case the first delivery stopped before it could; by anything else: rejected.
 */
async function sameAnswerAgain(decidedBy: string | undefined, key: string, token: string, decision: object) {
  if (decidedBy !== key) {
    return refusal('TASK_DECIDED', '该审查任务已处理', 'the task has been decided already');
  }
  await resume(token, decision).catch((error: unknown) => {
    // Resumed the first time: Step Functions no longer knows the token.
    if (!isSpentTaskToken(error)) throw error;
  });
  return undefined;
}
