import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalQueues, UNDELIVERABLE } from '../../../infra/local/aws/queues.ts';

const queue = {
  name: 'dlq',
  arn: 'arn:aws-cn:sqs:cn-northwest-1:000000000000:dlq',
  url: 'https://sqs/000000000000/dlq',
};

describe('local queues', () => {
  it('keep a message sent by ARN, URL or name, in order, across instances', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queues-'));
    const queues = new LocalQueues(dir, [queue], () => {});
    queues.send(queue.arn, 'one');
    queues.send(queue.url, 'two', { ERROR_CODE: { DataType: 'String', StringValue: 'x' } });
    const reopened = new LocalQueues(dir, [queue], () => {});
    expect(reopened.messages('dlq').map((m) => m.Body)).toEqual(['one', 'two']);
  });

  it('keep what had no dead-letter queue, where AWS would drop it', () => {
    const queues = new LocalQueues(mkdtempSync(join(tmpdir(), 'queues-')), [queue], () => {});
    queues.send(UNDELIVERABLE, 'lost on AWS');
    expect(queues.messages(UNDELIVERABLE)).toHaveLength(1);
  });

  it('refuse a queue the app does not have', () => {
    const queues = new LocalQueues(mkdtempSync(join(tmpdir(), 'queues-')), [queue], () => {});
    expect(() => queues.send('arn:aws-cn:sqs:cn-northwest-1:000000000000:other', 'x')).toThrow(/no queue/);
  });
});
