import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** Where undeliverable events end up, kept 14 days (the SQS maximum) and alarmed on. */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: { key: kms.IKey }) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this, [{ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' }]);
  }
}
