import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface BackupsProps {
  tables: dynamodb.ITable[];
  bucket: s3.IBucket;
  key: kms.IKey;
}

/**
 * AWS Backup for the tables and the materials bucket, beside their own point-in-time recovery:
 * - continuous backups (point in time, 35 days) of the bucket: RPO about 15 minutes for materials; the tables'
 *   own PITR gives them an RPO of about 5 minutes;
 * - a daily recovery point of each, kept 35 days, and the first of each month kept a year, in a vault that
 *   holds them for at least 7 days whatever an administrator does (vault lock, governance mode).
 * Restoring makes new tables and a new bucket; pointing a stage at them is a deploy: RTO about 4 hours for
 * the whole platform (README, "Backups and a second region").
 */
export class Backups extends Construct {
  readonly plan: backup.BackupPlan;
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: BackupsProps) {
    super(scope, id);
    this.vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
      lockConfiguration: { minRetention: Duration.days(7) },
    });
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    const at = (cron: events.CronOptions) => events.Schedule.cron({ minute: '0', ...cron });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Continuous',
        enableContinuousBackup: true,
        deleteAfter: Duration.days(35),
        scheduleExpression: at({ hour: '18' }),
      }),
    );
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Monthly',
        deleteAfter: Duration.days(365),
        // 02:00 China time on the first of the month.
        scheduleExpression: at({ hour: '18', day: '1' }),
      }),
    );
    const selection = this.plan.addSelection('Data', {
      resources: [
        ...props.tables.map((table) => backup.BackupResource.fromDynamoDbTable(table)),
        backup.BackupResource.fromArn(props.bucket.bucketArn),
      ],
      allowRestores: true,
    });
    // S3 needs its own managed policies besides the general ones (AWS Backup's S3 guide).
    for (const policy of [
      'AWSBackupServiceRolePolicyForS3Backup',
      'AWSBackupServiceRolePolicyForS3Restore',
    ]) {
      (selection.grantPrincipal as iam.Role).addManagedPolicy(
        iam.ManagedPolicy.fromAwsManagedPolicyName(`service-role/${policy}`),
      );
    }
    acknowledge(selection, [
      ...[
        'AWSBackupServiceRolePolicyForBackup',
        'AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Backup',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((policy) => ({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        reason:
          "AWS Backup's own service-role policies for backing up and restoring DynamoDB and S3, as AWS Backup documents them.",
      })),
    ]);
  }
}
