import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.ts';
import { isConditionFailure } from './aws-errors.ts';
import { nowIso } from './clock.ts';
import { provincePartition, underRegion } from './region-partition.ts';

/**
 * Review tasks and the workflow's other waits, in the cases table. Task tokens stay here, server-side:
 *   TASK#<id> / TASK          a review task; in its inbox (gsi2: INBOX#<department>#<region>, by deadline)
 *                             while open, and when escalated also in its province's escalations (gsi1:
 *                             ESCALATED#<province prefix>, by region and deadline) — deciding it removes the
 *                             index keys, so both indexes stay small
 *   CASE#<id> / WAIT#<kind>   the token of a wait on the applicant (e.g. for a supplement)
 */
export interface ReviewTask {
  id: string;
  caseId: string;
  step: string;
  stepName: string;
  matterName: string;
  /** For the English interface, where the case's matter has it. */
  matterNameEn?: string;
  department: string;
  region: string;
  deadline: string;
  /** The step's period, counted from the day the task opened: its share of the case's time (review-deadline.ts). */
  period?: { from: string; days: number };
  /** The unpublished years the deadline assumed (shared/domain/clock/provisional.ts). */
  provisionalYears?: number[];
  /** When it runs out of time and is escalated to the supervisor (督办), if not decided by then. */
  escalatesAt?: string;
  escalated: boolean;
  status: 'open' | 'decided' | 'expired';
  openedAt: string;
  decidedBy?: string;
  outcome?: string;
  /** The idempotency key of the department system's answer that decided it, to recognise a redelivery. */
  answerKey?: string;
}

/** The review task is no longer open: decided (or expired) by someone else first (409). */
export class TaskDecidedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      {
        code: 'TASK_DECIDED',
        zh: '该任务已处理',
        en: 'This task has been decided already',
        status: 409,
        message: 'The task was decided already',
      },
      options,
    );
    this.name = 'TaskDecidedError';
  }
}

export class TaskStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Opens a task; `announce` builds the outbox event from it (a department system learns of the task, and its
   * id to answer to, from that event), written with the task or not at all.
   */
  async open(
    task: Omit<ReviewTask, 'id' | 'status' | 'openedAt'>,
    taskToken: string,
    announce?: (opened: ReviewTask) => { source: string; detailType: string; detail: object },
  ): Promise<ReviewTask> {
    const opened: ReviewTask = {
      ...task,
      id: randomUUID(),
      status: 'open',
      openedAt: nowIso(),
    };
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `TASK#${opened.id}`,
          sk: 'TASK',
          gsi2pk: `INBOX#${task.department}#${task.region}`,
          gsi2sk: `${task.deadline}#${opened.id}`,
          // 督办: an escalated task is also listed for the supervisors of its region, while it is open.
          ...(task.escalated
            ? {
                gsi1pk: provincePartition('ESCALATED', task.region),
                gsi1sk: `${task.region}#${task.deadline}#${opened.id}`,
              }
            : {}),
          task: opened,
          taskToken,
          ...(announce ? { outbox: announce(opened) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return opened;
  }

  async get(id: string): Promise<{ task: ReviewTask; taskToken: string } | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `TASK#${id}`, sk: 'TASK' } }),
    );
    return Item ? { task: Item.task as ReviewTask, taskToken: Item.taskToken as string } : undefined;
  }

  /** Open tasks of a department in a region, earliest deadline first: one Query on the sparse inbox index. */
  async inbox(department: string, region: string, limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `INBOX#${department}#${region}` },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { tasks: (Items ?? []).map((i) => i.task as ReviewTask), last: LastEvaluatedKey };
  }

  /** Closes an open task; of two concurrent decisions exactly one gets past the condition. */
  async close(
    id: string,
    status: 'decided' | 'expired',
    by?: { subject: string; outcome: string; answerKey?: string },
  ): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `TASK#${id}`, sk: 'TASK' },
          UpdateExpression:
            'SET task.#status = :status, task.decidedBy = :by, task.outcome = :outcome, task.answerKey = :key REMOVE gsi2pk, gsi2sk, gsi1pk, gsi1sk',
          ConditionExpression: 'task.#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':open': 'open',
            ':by': by?.subject ?? null,
            ':outcome': by?.outcome ?? null,
            ':key': by?.answerKey ?? null,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new TaskDecidedError({ cause: error });
      throw error;
    }
  }

  /**
   * Moves an open task's deadline (its year's schedule became known): the inbox orders by it. Its workflow's
   * timer stays as set; escalation is a reminder to supervisors, never a consequence for the applicant.
   */
  async redate(task: ReviewTask, deadline: string): Promise<void> {
    const { provisionalYears: _assumed, ...rest } = task;
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `TASK#${task.id}`, sk: 'TASK' },
        UpdateExpression: 'SET task = :task, gsi2sk = :inbox',
        ConditionExpression: 'task.#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':task': { ...rest, deadline },
          ':inbox': `${deadline}#${task.id}`,
          ':open': 'open',
        },
      }),
    );
  }

  /** Expires a task if it is still open (escalated, superseded, its case ended); a decided one stays decided. */
  async expire(id: string): Promise<void> {
    await this.close(id, 'expired').catch((e) =>
      e instanceof TaskDecidedError ? undefined : Promise.reject(e),
    );
  }

  /**
   * Open escalated tasks under a region (a city, or a province: every city in it), by region and deadline: one
   * Query on the sparse escalation keys, one partition per province (escalations are few).
   */
  async escalated(region: string, limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        ...underRegion('ESCALATED', region, { pk: 'gsi1pk', sk: 'gsi1sk' }),
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { tasks: (Items ?? []).map((i) => i.task as ReviewTask), last: LastEvaluatedKey };
  }

  async openTaskOf(caseId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `CASE#${caseId}`, sk: 'WAIT#review' } }),
    );
    return Item?.taskId as string | undefined;
  }

  async rememberOpenTask(caseId: string, taskId: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { pk: `CASE#${caseId}`, sk: 'WAIT#review', taskId } }),
    );
  }

  async wait(caseId: string, kind: string, taskToken: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `CASE#${caseId}`, sk: `WAIT#${kind}`, taskToken },
      }),
    );
  }

  /** The token of a wait, removed as it is taken: a second supplement cannot resume the workflow twice. */
  async takeWait(caseId: string, kind: string): Promise<string | undefined> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({
        TableName: this.table,
        Key: { pk: `CASE#${caseId}`, sk: `WAIT#${kind}` },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes?.taskToken as string | undefined;
  }
}
