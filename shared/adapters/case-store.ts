import { createHash, randomUUID } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Application } from '../domain/cases/application.ts';
import { caseEventDetail, detailTypeOf } from '../domain/cases/events.ts';
import type { AuditRecord, Case } from '../domain/cases/model.ts';
import { DomainError } from '../domain/errors.ts';
import { type ChainHead, chain, GENESIS, type Link } from './audit-chain.ts';
import { conditionFailedAt, isConditionFailure, isTransactionCancelled } from './aws-errors.ts';
import { nowMs } from './clock.ts';

/**
 * The cases table, as cases use it:
 *   CASE#<id> / CASE                  the case (gsi1: APPLICANT#<ID hash> by creation time; gsi2, only for
 *                                     a case taken in at a window: WINDOW#<staff subject> by creation time)
 *   CASE#<id> / EVENT#<at>#<uuid>     an append-only audit record carrying its outbox event
 *   IDEMPOTENCY#<subject>#<key> / KEY the request a key was first used with (expires after 24 h)
 */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** How often a write links its records again when another record joined the trail meanwhile. */
const CHAIN_ATTEMPTS = 5;
/** The condition that the trail's head is still where the writer read it (a case from before the chain: none). */
const headUnmoved = (from: ChainHead) =>
  from.n === 0
    ? { condition: 'attribute_not_exists(chainN)', values: {} }
    : { condition: 'chainN = :was', values: { ':was': from.n } };

/** The source of every case event on the hub. */
export const CASE_SOURCE = 'tongban.cases';

/** The Idempotency-Key was first used with another request: the same key cannot stand for two (409). */
export class IdempotencyConflictError extends DomainError {
  constructor() {
    super({
      code: 'IDEMPOTENCY_KEY_REUSED',
      zh: '该 Idempotency-Key 已用于另一份申请',
      en: 'This Idempotency-Key was used for another request',
      status: 409,
      message: 'Idempotency-Key reused with another request',
    });
    this.name = 'IdempotencyConflictError';
  }
}

/** The case is no longer as the writer read it: another change came first (409; a step reads it again). */
export class StaleCaseError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      {
        code: 'CASE_CHANGED',
        zh: '办件已被更新，请刷新后重试',
        en: 'The case changed; reload and try again',
        status: 409,
        message: 'The case changed meanwhile',
      },
      options,
    );
    this.name = 'StaleCaseError';
  }
}

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export class CaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<Case | undefined> {
    return (await this.getWithApplication(id))?.case;
  }

  /** The case and the application it was made with (materials declared, situations, commitment …). */
  async getWithApplication(id: string): Promise<{ case: Case; application: Application } | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `CASE#${id}`, sk: 'CASE' }, ConsistentRead: true }),
    );
    return Item ? { case: Item.case as Case, application: Item.application as Application } : undefined;
  }

  async timeline(id: string): Promise<AuditRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': `CASE#${id}`, ':event': 'EVENT#' },
      }),
    );
    return (Items ?? []).map((i) => i.record as AuditRecord).filter(Boolean);
  }

  /**
   * The cases of one person or enterprise, newest first, by ID hash: those they filed and those a window
   * filed for them are under one key.
   */
  async listByApplicant(idHash: string, limit: number, start?: Record<string, unknown>) {
    return this.newestFirst('gsi1', `APPLICANT#${idHash}`, limit, start);
  }

  /** The cases a window staff member took in, newest first: one Query on the sparse gsi2. */
  async listTakenIn(staff: string, limit: number, start?: Record<string, unknown>) {
    return this.newestFirst('gsi2', `WINDOW#${staff}`, limit, start);
  }

  private async newestFirst(
    index: 'gsi1' | 'gsi2',
    key: string,
    limit: number,
    start: Record<string, unknown> | undefined,
  ) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': key },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { cases: (Items ?? []).map((i) => i.case as Case), last: LastEvaluatedKey };
  }

  /** The case created earlier with this key, if the request was the same; IdempotencyConflictError if not. */
  async replay(subject: string, key: string, hash: string): Promise<Case | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `IDEMPOTENCY#${subject}#${key}`, sk: 'KEY' } }),
    );
    if (!Item) return undefined;
    if (Item.hash !== hash) throw new IdempotencyConflictError();
    return this.get(Item.caseId as string);
  }

  /**
   * Creates a case, its first audit record (and event) and the idempotency record in one transaction: a
   * retried request can neither create a second case nor leave a case without its event. A draft has no record
   * yet: its trail starts when it is submitted.
   */
  async create(
    c: Case,
    application: Application,
    record: AuditRecord | undefined,
    idempotency: { subject: string; key: string; hash: string },
  ) {
    const linked = chain(record ? [record] : [], GENESIS);
    const head = record ? { chainN: linked.head.n, chainHead: linked.head.head } : {};
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          this.idempotencyPut(idempotency, c.id),
          {
            Put: {
              TableName: this.table,
              Item: { ...this.caseItem(c), application, ...head },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(record
            ? [{ Put: { TableName: this.table, Item: this.auditItem(c, record, linked.links[0]) } }]
            : []),
        ],
      }),
    );
  }

  /** The record that this key was first used with this request, for this case: a write of its own transaction. */
  idempotencyPut(idempotency: { subject: string; key: string; hash: string }, caseId: string) {
    return {
      Put: {
        TableName: this.table,
        Item: {
          pk: `IDEMPOTENCY#${idempotency.subject}#${idempotency.key}`,
          sk: 'KEY',
          hash: idempotency.hash,
          caseId,
          expiresAt: Math.floor(nowMs() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /**
   * Keeps what the applicant filled in on their draft so far, if it is still the draft they read: no record,
   * no event (a draft is the applicant's own until submitted).
   */
  async saveDraft(c: Case, application: Application, at: string): Promise<Case> {
    const saved: Case = { ...c, updatedAt: at };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `CASE#${c.id}`, sk: 'CASE' },
          UpdateExpression: 'SET #case = :saved, application = :application',
          ConditionExpression: '#case.#status = :draft AND #case.updatedAt = :updated',
          ExpressionAttributeNames: { '#case': 'case', '#status': 'status' },
          ExpressionAttributeValues: {
            ':saved': saved,
            ':application': application,
            ':draft': 'draft',
            ':updated': c.updatedAt,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new StaleCaseError({ cause: error });
      throw error;
    }
    return saved;
  }

  /**
   * Writes a transition only if the case is still as it was read (status and last change), with its audit
   * record (and event) and any other writes that belong to it, in one transaction.
   */
  async transition(
    before: Case,
    after: Case,
    records: AuditRecord | AuditRecord[],
    options: { application?: Application; also?: object[] } = {},
  ): Promise<void> {
    const key = { pk: `CASE#${after.id}`, sk: 'CASE' };
    for (let attempt = 1; ; attempt++) {
      const from = await this.chainHead(after.id);
      const linked = chain([records].flat(), from);
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: key,
                  UpdateExpression: `SET #case = :after, chainN = :n, chainHead = :head${options.application ? ', application = :application' : ''}`,
                  ConditionExpression: `#case.#status = :status AND #case.updatedAt = :updated AND ${headUnmoved(from).condition}`,
                  ExpressionAttributeNames: { '#case': 'case', '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':after': after,
                    ':status': before.status,
                    ':updated': before.updatedAt,
                    ':n': linked.head.n,
                    ':head': linked.head.head,
                    ...headUnmoved(from).values,
                    ...(options.application ? { ':application': options.application } : {}),
                  },
                },
              },
              ...[records].flat().map((record, i) => ({
                Put: { TableName: this.table, Item: this.auditItem(after, record, linked.links[i]) },
              })),
              ...(options.also ?? []),
            ],
          }),
        );
        return;
      } catch (error) {
        if (!isTransactionCancelled(error)) throw error;
        // Another record joined the trail meanwhile (a staff read, say): the case is as it was, so link again.
        const now = await this.get(after.id);
        const unchanged = now?.status === before.status && now.updatedAt === before.updatedAt;
        if (!unchanged || attempt === CHAIN_ATTEMPTS) throw new StaleCaseError({ cause: error });
      }
    }
  }

  /** Where the case's audit trail ends: the head its next record links to (shared/adapters/audit-chain.ts). */
  async chainHead(id: string): Promise<ChainHead> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `CASE#${id}`, sk: 'CASE' },
        ProjectionExpression: 'chainN, chainHead',
        ConsistentRead: true,
      }),
    );
    return Item?.chainN ? { n: Item.chainN as number, head: Item.chainHead as string } : GENESIS;
  }

  /** Every audit record of a case with its link, for verifying the trail. */
  async trail(id: string): Promise<{ items: { record: AuditRecord; link?: Link }[]; head: ChainHead }> {
    const [{ Items }, head] = await Promise.all([
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
          ExpressionAttributeValues: { ':pk': `CASE#${id}`, ':event': 'EVENT#' },
          ConsistentRead: true,
        }),
      ),
      this.chainHead(id),
    ]);
    return {
      items: (Items ?? []).map((i) => ({
        record: i.record as AuditRecord,
        link: i.link as Link | undefined,
      })),
      head,
    };
  }

  /**
   * Appends an audit record that changes nothing on the case (a hand-off noted, a receipt signed), once: the
   * `once` key is claimed in the same transaction, so a redelivered event writes nothing. `outbox` replaces
   * the record's own event. False when the key was claimed before.
   */
  async appendOnce(
    c: Case,
    record: AuditRecord,
    once: { pk: string; sk: string },
    outbox?: (detail: ReturnType<typeof caseEventDetail>) => {
      source: string;
      detailType: string;
      detail: object;
    },
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const from = await this.chainHead(c.id);
      const [link] = chain([record], from).links;
      const item = this.auditItem(c, record, link);
      if (outbox) item.outbox = outbox(caseEventDetail(c, record, item.sk));
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table,
                  Item: { ...once, at: record.at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              this.moveHead(c.id, from, link!),
              { Put: { TableName: this.table, Item: item } },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (conditionFailedAt(error, 0)) return false;
        if (!conditionFailedAt(error, 1) || attempt === CHAIN_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Appends an audit record of something that happened to the case without changing it — a staff member read
   * it, someone downloaded one of its files — with its event, as every record has. Each occurrence is a record
   * of its own, so nothing is deduplicated.
   */
  async append(c: Case, record: AuditRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const from = await this.chainHead(c.id);
      const [link] = chain([record], from).links;
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              this.moveHead(c.id, from, link!),
              { Put: { TableName: this.table, Item: this.auditItem(c, record, link) } },
            ],
          }),
        );
        return;
      } catch (error) {
        if (!isTransactionCancelled(error) || attempt === CHAIN_ATTEMPTS) throw error;
      }
    }
  }

  /** The update that moves the trail's head past one record, if no other record joined it meanwhile. */
  private moveHead(id: string, from: ChainHead, link: Link) {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: `CASE#${id}`, sk: 'CASE' },
        UpdateExpression: 'SET chainN = :n, chainHead = :head',
        ConditionExpression: `attribute_exists(pk) AND ${headUnmoved(from).condition}`,
        ExpressionAttributeValues: { ':n': link.n, ':head': link.hash, ...headUnmoved(from).values },
      },
    };
  }

  private caseItem(c: Case) {
    const created = `${c.createdAt}#${c.id}`;
    return {
      pk: `CASE#${c.id}`,
      sk: 'CASE',
      gsi1pk: `APPLICANT#${c.applicant.idHash}`,
      gsi1sk: created,
      ...(c.intake?.channel === 'window' ? { gsi2pk: `WINDOW#${c.intake.staff}`, gsi2sk: created } : {}),
      case: c,
    };
  }

  private auditItem(
    c: Case,
    record: AuditRecord,
    link?: Link,
  ): {
    pk: string;
    sk: string;
    record: AuditRecord;
    link?: Link;
    outbox?: { source: string; detailType: string; detail: object };
  } {
    // Two transitions in one millisecond (accept, then start review) keep their order: a monotonic counter
    // breaks the tie, and the uuid keeps keys unique across instances.
    const sk = `EVENT#${record.at}#${process.hrtime.bigint().toString().padStart(20, '0')}#${randomUUID()}`;
    return {
      pk: `CASE#${c.id}`,
      sk,
      record,
      ...(link ? { link } : {}),
      // A draft discarded was never anybody's business but its applicant's: no event.
      ...(record.from === 'draft' && record.to === 'withdrawn'
        ? {}
        : {
            outbox: {
              source: CASE_SOURCE,
              detailType: detailTypeOf(record),
              detail: caseEventDetail(c, record, sk),
            },
          }),
    };
  }
}
