import { type CfnElement, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { DeadLetterQueue, FailedInvocationsQueue } from '../constructs/dead-letter-queue.ts';
import { grantTable, type TableAccess } from '../constructs/grants.ts';
import { acknowledge } from '../constructs/nag.ts';
import { ServiceFunction } from '../constructs/service-function.ts';

export interface CatalogStackProps extends StackProps {
  config: TongbanConfig;
  matters: TableAccess;
  catalogBucket: s3.IBucket;
  hubBus: events.IEventBus;
}

/** Keeps the published catalog files (search index, export) in step with the catalog in force. */
export class CatalogStack extends Stack {
  readonly deadLetterQueue: DeadLetterQueue;
  /** Where the rebuilds the builder still fails after Lambda's retries end up (from its rule or its schedules). */
  readonly failedInvocations: FailedInvocationsQueue;

  constructor(scope: Construct, id: string, props: CatalogStackProps) {
    super(scope, id, props);
    // Its own dead-letter queue, with its own key: the events stack's would need this stack's rule named.
    this.deadLetterQueue = new DeadLetterQueue(this, 'RebuildDlq', {
      description: 'the dead-letter queue of catalog index rebuilds',
    });
    const schedulerRole = new iam.Role(this, 'RebuildSchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler rebuild the catalog index when a version takes effect',
    });
    const builder = new ServiceFunction(this, 'BuildIndex', {
      entry: 'catalog/build-index.ts',
      description: 'Rebuilds the catalog search index and export from the versions in force',
      timeout: Duration.minutes(2),
      memorySize: 1024,
      // One rebuild at a time: each reads the whole catalog, so the last one always has the latest data.
      reservedConcurrentExecutions: 1,
      environment: {
        MATTERS_TABLE: props.matters.table.tableName,
        CATALOG_BUCKET: props.catalogBucket.bucketName,
        SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
      },
    });
    grantTable(builder, props.matters, 'read');
    // Invoked asynchronously by its rule and by the schedules it makes itself: one destination covers both.
    this.failedInvocations = new FailedInvocationsQueue(this, 'RebuildFailures', {
      description: 'the rebuilds of the catalog index that failed',
    }).catchFailuresOf(builder);
    builder.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [
          props.catalogBucket.arnForObjects('catalog/search-index.json.gz'),
          props.catalogBucket.arnForObjects('catalog/export.json.gz'),
        ],
      }),
    );
    builder.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.matters.key.keyArn],
      }),
    );
    builder.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule'],
        resources: [
          this.formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: 'default/catalog-rebuild-*',
          }),
        ],
      }),
    );
    schedulerRole.grantPassRole(builder.grantPrincipal);
    builder.grantInvoke(schedulerRole);
    acknowledge(schedulerRole, [
      {
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(builder.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason:
          'CDK grants invoking the builder by qualified ARN (<arn>:*); it is the only function the role may call.',
      },
    ]);
    acknowledge(builder, [
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/default/catalog-rebuild-*]',
        reason:
          'The builder schedules its own rebuilds, one per effective date, named catalog-rebuild-<date>.',
      },
    ]);

    new events.Rule(this, 'RebuildOnPublish', {
      eventBus: props.hubBus,
      description: 'A published version or an imported catalog rebuilds the search index',
      eventPattern: {
        source: ['tongban.catalog'],
        detailType: ['Matter Version Published', 'Catalog Imported'],
      },
      targets: [
        new targets.LambdaFunction(builder, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8 }),
      ],
    });
  }
}
