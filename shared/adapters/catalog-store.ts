import { randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Case, dayOf } from '../domain/cases/model.ts';
import type { BaseItem, Department, ImplementationItem, Region } from '../domain/catalog/model.ts';
import { nowIso } from './clock.ts';

/**
 * The matters table, as the catalog uses it (one table, overloaded keys):
 *   ITEM#<code> / V#<effectiveFrom>#<version>   an implementation item version (gsi1: CATALOG#ITEMS)
 *   ITEM#<code> / HEAD                          the latest version number, for conditional publishing
 *   ITEM#<code> / AUDIT#<at>#<id>               who changed what, carrying the outbox event
 *   BASE#<code> / V#…                           a base item version (gsi1: CATALOG#BASE)
 *   ADJ#<id>    / ADJ                           an adjustment request (gsi1: by status; gsi2: by status, dept, region)
 *   REGIONS | DEPARTMENTS | SYNONYMS / …        reference data
 */
export const CATALOG_SOURCE = 'tongban.catalog';

const pad = (n: number) => String(n).padStart(6, '0');
export const versionKey = (effectiveFrom: string, version: number) => `V#${effectiveFrom}#${pad(version)}`;

export interface Versioned<T> {
  item: T;
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
}

export class CatalogStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * The matter as pinned to a case: a case is judged by the version in force when it was submitted, even after a
   * newer one took effect. A case without a version number takes the version in force on the day it was created.
   */
  async pinned(c: Pick<Case, 'matter' | 'createdAt'>): Promise<ImplementationItem | undefined> {
    const { implementationCode: code, version } = c.matter;
    const found =
      version === undefined
        ? await this.inForce<ImplementationItem>('ITEM', code, dayOf(c.createdAt))
        : await this.version<ImplementationItem>('ITEM', code, version);
    return found?.item;
  }

  /** The version in force on `date` (YYYY-MM-DD): the latest effective on or before it. */
  async inForce<T>(kind: 'ITEM' | 'BASE', code: string, date: string): Promise<Versioned<T> | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `${kind}#${code}`, ':from': 'V#', ':to': `V#${date}#999999` },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return Items?.[0] as Versioned<T> | undefined;
  }

  /** One exact version: a case is judged by the version in force when it was submitted. */
  async version<T>(kind: 'ITEM' | 'BASE', code: string, version: number): Promise<Versioned<T> | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        FilterExpression: 'version = :n',
        ExpressionAttributeValues: { ':pk': `${kind}#${code}`, ':v': 'V#', ':n': version },
      }),
    );
    return Items?.[0] as Versioned<T> | undefined;
  }

  async latest<T>(kind: 'ITEM' | 'BASE', code: string): Promise<Versioned<T> | undefined> {
    const { Item: head } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `${kind}#${code}`, sk: 'HEAD' } }),
    );
    return head ? this.version<T>(kind, code, head.version as number) : undefined;
  }

  async list<T>(pk: 'REGIONS' | 'DEPARTMENTS' | 'SYNONYMS'): Promise<T[]> {
    const out: T[] = [];
    for await (const page of paginateQuery(
      { client: this.db },
      { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } },
    )) {
      out.push(...((page.Items ?? []).map((i) => i.value) as T[]));
    }
    return out;
  }

  /** Every version of every item of a kind, through the catalog index (a Query, never a Scan). */
  async allVersions<T>(kind: 'ITEMS' | 'BASE'): Promise<Versioned<T>[]> {
    const input: QueryCommandInput = {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CATALOG#${kind}` },
    };
    const out: Versioned<T>[] = [];
    for await (const page of paginateQuery({ client: this.db }, input))
      out.push(...((page.Items ?? []) as Versioned<T>[]));
    return out;
  }

  /**
   * Publishes a new version of an item: the head moves from `expected` to `expected + 1` (so two publishers
   * cannot both win), the version is written, and an audit record carries the "Matter Version Published"
   * event — one transaction, so the event exists exactly when the version does.
   */
  async publish(
    kind: 'ITEM' | 'BASE',
    code: string,
    item: ImplementationItem | BaseItem,
    options: { expected: number; effectiveFrom: string; actor: string; changed: string[]; also?: object[] },
  ): Promise<number> {
    const version = options.expected + 1;
    const now = nowIso();
    const pk = `${kind}#${code}`;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: { pk, sk: 'HEAD', version },
              ConditionExpression:
                options.expected === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
              ...(options.expected === 0
                ? {}
                : { ExpressionAttributeValues: { ':expected': options.expected } }),
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: {
                pk,
                sk: versionKey(options.effectiveFrom, version),
                gsi1pk: `CATALOG#${kind === 'ITEM' ? 'ITEMS' : 'BASE'}`,
                gsi1sk: `${code}#${options.effectiveFrom}#${version}`,
                item,
                version,
                effectiveFrom: options.effectiveFrom,
                publishedAt: now,
                publishedBy: options.actor,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: {
                pk,
                sk: `AUDIT#${now}#${randomUUID()}`,
                actor: options.actor,
                at: now,
                changed: options.changed,
                version,
                outbox: {
                  source: CATALOG_SOURCE,
                  detailType: 'Matter Version Published',
                  detail: {
                    kind,
                    code,
                    version,
                    effectiveFrom: options.effectiveFrom,
                    changed: options.changed,
                  },
                },
              },
            },
          },
          ...(options.also ?? []),
        ],
      }),
    );
    return version;
  }

  /**
   * Loads a whole catalog as version 1 of everything (a new deployment, or local mode's seed), then writes ONE
   * "Catalog Imported" event rather than one per item, so the index is rebuilt once.
   */
  async importCatalog(catalog: {
    regions: Region[];
    departments: Department[];
    synonyms: { terms: string[]; meaning: string }[];
    baseItems: BaseItem[];
    implementationItems: ImplementationItem[];
    effectiveFrom: string;
    actor: string;
  }): Promise<void> {
    const now = nowIso();
    const version = (kind: 'ITEM' | 'BASE', code: string, item: object) => [
      { pk: `${kind}#${code}`, sk: 'HEAD', version: 1 },
      {
        pk: `${kind}#${code}`,
        sk: versionKey(catalog.effectiveFrom, 1),
        gsi1pk: `CATALOG#${kind === 'ITEM' ? 'ITEMS' : 'BASE'}`,
        gsi1sk: `${code}#${catalog.effectiveFrom}#1`,
        item,
        version: 1,
        effectiveFrom: catalog.effectiveFrom,
        publishedAt: now,
        publishedBy: catalog.actor,
      },
    ];
    const items = [
      ...catalog.regions.map((r) => ({ pk: 'REGIONS', sk: r.code, value: r })),
      ...catalog.departments.map((d) => ({ pk: 'DEPARTMENTS', sk: d.code, value: d })),
      ...catalog.synonyms.map((s, i) => ({ pk: 'SYNONYMS', sk: String(i).padStart(5, '0'), value: s })),
      ...catalog.baseItems.flatMap((b) => version('BASE', b.baseCode, b)),
      ...catalog.implementationItems.flatMap((i) => version('ITEM', i.implementationCode, i)),
    ];
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      // BatchWrite may leave items unprocessed under load; they are written again until none remain.
      while (requests.length > 0) {
        const { UnprocessedItems } = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: requests } }),
        );
        requests = (UnprocessedItems?.[this.table] ?? []) as typeof requests;
      }
    }
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: 'CATALOG',
          sk: `IMPORT#${now}`,
          actor: catalog.actor,
          outbox: {
            source: CATALOG_SOURCE,
            detailType: 'Catalog Imported',
            detail: {
              baseItems: catalog.baseItems.length,
              implementationItems: catalog.implementationItems.length,
            },
          },
        },
      }),
    );
  }
}
