import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** A bucket that receives S3 server access logs (or CloudFront logs) of another bucket. */
export class AccessLogsBucket extends s3.Bucket {
  constructor(
    scope: Construct,
    id: string,
    props: { removalPolicy: RemovalPolicy; objectOwnership?: s3.ObjectOwnership },
  ) {
    super(scope, id, {
      // S3 server access logging cannot deliver to a bucket encrypted with SSE-KMS.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: props.removalPolicy,
    });
    acknowledge(this, [
      {
        id: 'AwsSolutions-S1',
        reason: 'This is the access-log bucket itself; logging it into itself would loop.',
      },
    ]);
  }
}
