import { SQSClient } from '@aws-sdk/client-sqs';
import type { EventBridgeEvent } from 'aws-lambda';
import { SupervisionRecorded } from '../../events/regulators.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { IntegrationFailures } from '../../shared/adapters/integration-failures.ts';
import { SupervisionStore } from '../../shared/adapters/supervision-store.ts';

const table = requiredEnv('CASES_TABLE');
const records = new SupervisionStore(documents, table);
const failures = new IntegrationFailures(documents, table, {
  client: new SQSClient({}),
  queueUrl: requiredEnv('REJECTED_ANSWERS_QUEUE_URL'),
});

/**
 * 审管协同, the way back: a regulator's supervision record (inspection, penalty …) is kept with the licence
 * holder, once, and shown to the approving body on the holder's later cases. A record that does not fit the
 * contract is kept out and listed with its reason.
 */
export const handler = async (event: EventBridgeEvent<string, unknown>) => {
  const parsed = SupervisionRecorded.safeParse(event.detail);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    await failures.record({
      source: event.source,
      detailType: event['detail-type'],
      reason: {
        code: 'RECORD_INVALID',
        zh: `监管记录不符合事件规范：${where}`,
        en: `the supervision record does not fit its schema: ${where}`,
      },
      detail: event.detail,
    });
    return { kept: false };
  }
  return { kept: await records.keep(parsed.data) };
};
