import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Standing } from '../domain/cases/model.ts';

/**
 * Credit standing (信用) for 容缺 and 告知承诺, from the records, never assumed: the platform's own records in the
 * cases table — `CREDIT#<ID hash> / RECORD#<at>#<case>`, a false commitment (written when a verification finds
 * one) or a missed 容缺 deadline (written when the case is terminated for it) — and, where the province has
 * one, its credit platform (`CREDIT_PLATFORM_URL`: GET <url>?subject=<ID hash> answering {"flagged": boolean}).
 * A platform that does not answer is an error, retried by the workflow: an unknown standing is never clean.
 */
export interface CreditPlatform {
  flagged(idHash: string): Promise<boolean>;
}

/** How long a missed 容缺 deadline keeps 容缺 from the applicant (configurable; a year by default). */
const MISSED_TOLERANCE_DAYS = Number(process.env.CREDIT_MISSED_TOLERANCE_DAYS ?? 365);

export class CreditRecords {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly platform?: CreditPlatform,
  ) {}

  async standingOf(idHash: string, now: Date): Promise<Required<Standing>> {
    const [records, flagged] = await Promise.all([
      this.records(idHash),
      this.platform?.flagged(idHash) ?? false,
    ]);
    const since = new Date(now.getTime() - MISSED_TOLERANCE_DAYS * 86_400_000).toISOString();
    // A false commitment is itself a credit record (失信): it closes 容缺 as well as commitment.
    const falseCommitment = records.some((r) => r.kind === 'false-commitment');
    return {
      badCredit: flagged || falseCommitment,
      falseCommitmentRecord: falseCommitment,
      missedTolerance: records.some((r) => r.kind === 'missed-tolerance' && r.recordedAt >= since),
    };
  }

  /** The Put of a missed-容缺 record, to write in the transaction that terminates the case for it. */
  missedTolerance(input: { idHash: string; caseId: string; at: string; materials: string[] }) {
    return {
      Put: {
        TableName: this.table,
        Item: {
          pk: `CREDIT#${input.idHash}`,
          sk: `RECORD#${input.at}#${input.caseId}`,
          record: {
            kind: 'missed-tolerance',
            caseId: input.caseId,
            recordedAt: input.at,
            materials: input.materials,
          },
        },
      },
    };
  }

  private async records(idHash: string): Promise<{ kind: string; recordedAt: string }[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :record)',
        ExpressionAttributeValues: { ':pk': `CREDIT#${idHash}`, ':record': 'RECORD#' },
      }),
    );
    return (Items ?? []).map((i) => i.record as { kind: string; recordedAt: string });
  }
}

/** The province's credit platform over HTTPS, when one is configured. */
export class HttpCreditPlatform implements CreditPlatform {
  constructor(private readonly url: string) {}

  async flagged(idHash: string): Promise<boolean> {
    const res = await fetch(`${this.url}?subject=${encodeURIComponent(idHash)}`, {
      signal: AbortSignal.timeout(3000),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`credit platform answered ${res.status}`);
    const body = (await res.json()) as { flagged?: unknown };
    if (typeof body.flagged !== 'boolean') throw new Error('credit platform answered no flag');
    return body.flagged;
  }
}

/** The credit records a function consults: the platform's own, and the province's platform if configured. */
export function creditRecords(db: DynamoDBDocumentClient, table: string): CreditRecords {
  const url = process.env.CREDIT_PLATFORM_URL;
  return new CreditRecords(db, table, url ? new HttpCreditPlatform(url) : undefined);
}
