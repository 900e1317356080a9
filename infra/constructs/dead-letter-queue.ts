import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** A key for dead-letter queues that EventBridge (and Lambda's on-failure destinations) may write to. */
export function deadLetterKey(scope: Construct, id: string, description: string): kms.Key {
  const key = new kms.Key(scope, id, {
    description: `tongban: encrypts ${description}`,
    enableKeyRotation: true,
  });
  key.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey');
  return key;
}

/**
 * Where undeliverable events end up, kept 14 days (the SQS maximum) and alarmed on. Without a key of its own
 * it gets one: a queue policy or key policy in another stack naming this stack's rule would be a cycle.
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: { key?: kms.IKey; description?: string } = {}) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey:
        props.key ?? deadLetterKey(scope, `${id}Key`, props.description ?? `the dead-letter queue ${id}`),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this, [{ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' }]);
  }
}
