import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';

export interface AuditStackProps extends StackProps {
  config: TongbanConfig;
  /** The platform key, which CloudTrail encrypts its log files with (its key policy lets CloudTrail use it). */
  key: kms.IKey;
  materialsBucket: s3.IBucket;
}

/**
 * The record of who did what in the account (等保 level 3 安全审计): a CloudTrail trail of every management
 * event in every region and of every read and write of an object in the materials bucket, delivered to a log
 * archive whose objects cannot be deleted or overwritten for the stage's retention (S3 Object Lock), encrypted
 * with the platform key, with digest files that prove no log file was changed, and kept when the stack goes.
 */
export class AuditStack extends Stack {
  readonly archive: s3.Bucket;
  readonly trail: cloudtrail.Trail;

  constructor(scope: Construct, id: string, props: AuditStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retention = Duration.days(config.logRetentionDays);
    this.archive = new s3.Bucket(this, 'LogArchive', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // Compliance mode: not even the account's root user can shorten it. Dev, whose archive may be thrown
      // away with a sandbox account, uses governance mode, which privileged administrators can lift.
      objectLockDefaultRetention:
        config.stage === 'dev'
          ? s3.ObjectLockRetention.governance(retention)
          : s3.ObjectLockRetention.compliance(retention),
      lifecycleRules: [
        { expiration: retention.plus(Duration.days(30)), noncurrentVersionExpiration: Duration.days(30) },
      ],
      serverAccessLogsBucket: new AccessLogsBucket(this, 'LogArchiveAccessLogs', {
        removalPolicy: RemovalPolicy.RETAIN,
      }),
      serverAccessLogsPrefix: 'archive/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: `tongban-${config.stage}`,
      bucket: this.archive,
      encryptionKey: props.key,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
    this.trail.addS3EventSelector([{ bucket: props.materialsBucket }], {
      readWriteType: cloudtrail.ReadWriteType.ALL,
      includeManagementEvents: false,
    });
  }
}
