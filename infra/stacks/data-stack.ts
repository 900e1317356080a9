import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { Backups } from '../constructs/backups.ts';
import type { TableAccess } from '../constructs/grants.ts';
import { useForLogs } from '../constructs/platform-logs.ts';

export interface DataStackProps extends StackProps {
  config: TongbanConfig;
}

/**
 * The platform's state: a KMS key for data and logs, an HMAC key for ID hashes, the matters table (catalog,
 * versions, adjustment requests), the cases table (cases, audit events, materials, tasks, evaluations,
 * licences) whose stream is the outbox, the materials bucket, and their backups.
 */
export class DataStack extends Stack {
  readonly key: kms.Key;
  /** The key of ID hashes: cases and ID tokens carry the HMAC of an ID number or credit code, never the number. */
  readonly idHashKey: kms.Key;
  /** Derives the key that signs list cursors (shared/http/cursor.ts): a secret no function's name gives away. */
  readonly pagingKey: kms.Key;
  readonly mattersTable: dynamodb.Table;
  readonly casesTable: dynamodb.Table;
  readonly materialsBucket: s3.Bucket;
  /** Published catalog files: the search index and the export, rebuilt whenever a version is published. */
  readonly catalogBucket: s3.Bucket;
  readonly matters: TableAccess;
  readonly cases: TableAccess;
  readonly backups: Backups;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const removalPolicy = props.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'tongban: encrypts tables, materials, queues and logs that hold personal data',
      enableKeyRotation: true,
      removalPolicy,
    });
    useForLogs(this.key);
    // An HMAC key computes inside KMS and never leaves it: whoever reads a table, a log or a token cannot
    // turn a hash back into an ID number by hashing every possible number, as with a plain or salted hash.
    // KMS rotates no HMAC key, and rotating it would orphan every case from its applicant anyway; losing it
    // would do the same, so it is kept with the data. It is multi-Region from the start: only a key created so
    // can be replicated, with the same key material, to a second region that must compute the same hashes.
    this.idHashKey = new kms.Key(this, 'IdHashKeyMultiRegion', {
      description:
        'tongban: keyed hash (HMAC-SHA-256) of ID numbers and credit codes, shared with real-name verification',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      multiRegion: true,
      removalPolicy,
    });

    // Cursors are signed with a key derived from this one once per container; rotating it (a new key) only makes
    // the cursors in flight stale, which a client answers by starting its list again.
    this.pagingKey = new kms.Key(this, 'PagingKey', {
      description: 'tongban: derives the key that signs list cursors (HMAC-SHA-256)',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const tableDefaults = {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.config.retainData,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy,
    };

    this.mattersTable = new dynamodb.Table(this, 'MattersTable', {
      ...tableDefaults,
      // Published versions reach the hub through the stream too, so the search index follows the catalog.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    this.casesTable = new dynamodb.Table(this, 'CasesTable', {
      ...tableDefaults,
      // The stream carries every write to the hub bus (transactional outbox); old images let consumers see
      // what changed.
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });
    // Generic overloaded indexes: each capability documents the keys it writes into them.
    const indexes = ['gsi1', 'gsi2'];
    for (const table of [this.mattersTable, this.casesTable]) {
      for (const indexName of indexes) {
        table.addGlobalSecondaryIndex({
          indexName,
          partitionKey: { name: `${indexName}pk`, type: dynamodb.AttributeType.STRING },
          sortKey: { name: `${indexName}sk`, type: dynamodb.AttributeType.STRING },
        });
      }
    }
    this.matters = { table: this.mattersTable, key: this.key, indexes };
    this.cases = { table: this.casesTable, key: this.key, indexes };

    const accessLogs = new AccessLogsBucket(this, 'MaterialsAccessLogs', { removalPolicy });
    // Both buckets hold what the platform must keep private and intact: KMS, versions, SSL, access logs.
    const privateBucket = {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      removalPolicy,
    };
    this.materialsBucket = new s3.Bucket(this, 'MaterialsBucket', {
      // A known name lets grants name `<bucket>/cases/*` exactly (and their cdk-nag acknowledgement with it).
      bucketName: materialsBucketName(props.config.stage, this.account, this.region),
      ...privateBucket,
      serverAccessLogsPrefix: 'materials/',
      // Uploads go straight from the browser with presigned PUTs, from the site's domain. Only dev, which has
      // no domain (local mode, a developer's sandbox), takes any origin; every other stage must have one.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedOrigins: props.config.webDomain ? [`https://${props.config.webDomain}`] : ['*'],
          allowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { noncurrentVersionExpiration: Duration.days(365) },
      ],
    });
    // Every new object is announced to EventBridge (default bus), where the upload check picks it up. Set on
    // the L1 resource: the L2 option adds a custom resource to do what CloudFormation does natively.
    (this.materialsBucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };

    this.catalogBucket = new s3.Bucket(this, 'CatalogBucket', {
      ...privateBucket,
      serverAccessLogsPrefix: 'catalog/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
    });

    this.backups = new Backups(this, 'Backups', {
      tables: [this.mattersTable, this.casesTable],
      bucket: this.materialsBucket,
      key: this.key,
    });
    // `npm run load-stage` finds the tables of a deployed stage by these (cdk deploy --outputs-file).
    new CfnOutput(this, 'MattersTableName', { value: this.mattersTable.tableName });
    new CfnOutput(this, 'CasesTableName', { value: this.casesTable.tableName });
  }
}

export const materialsBucketName = (stage: string, account: string, region: string) =>
  `tongban-${stage}-materials-${account}-${region}`;
