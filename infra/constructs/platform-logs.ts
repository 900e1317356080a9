import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct, IConstruct } from 'constructs';
import { configOf } from '../config.ts';

const keys = new WeakMap<object, kms.IKey>();

/**
 * Makes the platform key (the data stack's) the key of every log group of the app, and lets CloudWatch Logs
 * use it for the account's log groups, and CloudTrail for the account's trails.
 */
export function useForLogs(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.${Aws.URL_SUFFIX}`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
        },
      },
    }),
  );
  // CloudTrail encrypts the audit stack's trail with it too (AWS's key policy for CloudTrail, by account).
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    }),
  );
  keys.set(key.node.root, key);
}

/**
 * A log group as 等保 level 3 asks of logs: kept for the stage's `logRetentionDays` (at least six months; a
 * year by default), encrypted with the platform key, and kept when its stack is deleted.
 */
export class PlatformLogGroup extends logs.LogGroup {
  constructor(scope: Construct, id: string, props: { logGroupName?: string } = {}) {
    super(scope, id, {
      ...props,
      retention: configOf(scope).logRetentionDays as logs.RetentionDays,
      encryptionKey: platformKeyOf(scope),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

function platformKeyOf(scope: IConstruct): kms.IKey {
  const key = keys.get(scope.node.root);
  if (!key) throw new Error('the data stack must be built before any log group: it holds the platform key');
  return key;
}
