import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { caseKey } from '../../shared/adapters/outbox.ts';

const table = requiredEnv('CASES_TABLE');
const Input = z.object({ caseId: z.string().min(1) });

/** Workflow step: which required materials the case still lacks (the basis of the one-time notice). */
export const handler = async (input: unknown) => {
  const { caseId } = Input.parse(input);
  const { Item } = await documents.send(new GetCommand({ TableName: table, Key: caseKey(caseId) }));
  if (!Item) throw Object.assign(new Error(`case ${caseId} does not exist`), { name: 'CaseNotFound' });
  const supplied = new Set<string>(Item.materials ?? []);
  const missing = ((Item.requiredMaterials ?? []) as string[]).filter((m) => !supplied.has(m));
  return { complete: missing.length === 0, missing };
};
