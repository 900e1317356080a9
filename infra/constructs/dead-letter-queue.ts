import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
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

/**
 * How Lambda retries a function invoked asynchronously (a rule's or a schedule's target) whose handler failed:
 * twice more, the most Lambda allows, so that a passing fault (a throttled table, S3 slowing down) has every
 * chance to pass; and for up to 6 hours, the most Lambda allows, so that an event waiting for the function's
 * concurrency (the catalog builder runs one at a time) is kept rather than let go.
 */
export const ASYNC_RETRY_ATTEMPTS = 2;
export const ASYNC_MAX_EVENT_AGE = Duration.hours(6);

/**
 * The on-failure destination of functions invoked asynchronously. A rule's (or a schedule's) dead-letter queue
 * only takes the events it could not hand to Lambda; once Lambda has taken one, a handler that keeps failing
 * would have it dropped after Lambda's retries. It lands here instead, with the request and the error
 * (Lambda's destination record), kept 14 days and alarmed on like every dead-letter queue.
 */
export class FailedInvocationsQueue extends DeadLetterQueue {
  /** Sends the events each function still fails after its asynchronous retries to this queue. */
  catchFailuresOf(...functions: lambda.Function[]): this {
    for (const fn of functions) {
      fn.configureAsyncInvoke({
        onFailure: new destinations.SqsDestination(this),
        retryAttempts: ASYNC_RETRY_ATTEMPTS,
        maxEventAge: ASYNC_MAX_EVENT_AGE,
      });
      acknowledge(fn, [
        {
          id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
          reason:
            "CDK's grant for writing failed invocations to the encrypted on-failure queue; scoped to that queue's key alone.",
        },
        {
          id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
          reason:
            "CDK's grant for writing failed invocations to the encrypted on-failure queue; scoped to that queue's key alone.",
        },
      ]);
    }
    return this;
  }
}
