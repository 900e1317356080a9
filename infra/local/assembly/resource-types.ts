import { createHash } from 'node:crypto';

/** What local mode knows of one deployed resource: enough to compute its Ref and attributes. */
export interface Physical {
  stackName: string;
  logicalId: string;
  /** The name the template gives it (TableName, FunctionName, Name ...), if any. */
  givenName?: string;
  region: string;
  account: string;
  partition: string;
}

export interface ResourceType {
  /**
   * `emulated`: local mode runs it; `inert`: it has no behaviour a local user could observe (IAM, KMS, logs,
   * alarms, CloudFront in front of what local mode serves directly), so it is read for names only.
   */
  mode: 'emulated' | 'inert';
  /** The property holding the resource's own name. */
  nameProperty?: string;
  /** For emulated types: every property local mode honours or knowingly ignores. Anything else stops start. */
  properties?: string[];
  ref(p: Physical): string;
  attributes?: Record<string, (p: Physical) => unknown>;
}

const hash = (p: Physical, length = 10) =>
  createHash('sha256').update(`${p.stackName}/${p.logicalId}`).digest('hex').slice(0, length);
const nameOf = (p: Physical, max = 64) => p.givenName ?? `${p.stackName}-${p.logicalId}`.slice(0, max);
const arn = (p: Physical, service: string, resource: string, region = p.region, account = p.account) =>
  `arn:${p.partition}:${service}:${region}:${account}:${resource}`;
const bucketName = (p: Physical) =>
  p.givenName ??
  `${p.stackName}-${p.logicalId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 52) + hash(p, 8);

const COMMON = ['Tags'];

export const RESOURCE_TYPES: Record<string, ResourceType> = {
  'AWS::DynamoDB::Table': {
    mode: 'emulated',
    nameProperty: 'TableName',
    ref: (p) => nameOf(p, 255),
    attributes: {
      Arn: (p) => arn(p, 'dynamodb', `table/${nameOf(p, 255)}`),
      // DynamoDB Local assigns the real stream ARN at creation; the table name inside it is what matters.
      StreamArn: (p) => arn(p, 'dynamodb', `table/${nameOf(p, 255)}/stream/local`),
    },
  },
  'AWS::S3::Bucket': {
    mode: 'emulated',
    nameProperty: 'BucketName',
    ref: bucketName,
    attributes: {
      Arn: (p) => `arn:${p.partition}:s3:::${bucketName(p)}`,
      DomainName: (p) => `${bucketName(p)}.s3.amazonaws.com`,
      RegionalDomainName: (p) => `${bucketName(p)}.s3.${p.region}.amazonaws.com`,
    },
  },
  'AWS::Lambda::Function': {
    mode: 'emulated',
    nameProperty: 'FunctionName',
    properties: [
      ...COMMON,
      'Code',
      'Handler',
      'Runtime',
      'Environment',
      'Timeout',
      'MemorySize',
      'Role',
      'Architectures',
      'TracingConfig',
      'LoggingConfig',
      'Description',
      'FunctionName',
      'ReservedConcurrentExecutions',
      'Layers',
    ],
    ref: (p) => nameOf(p),
    attributes: { Arn: (p) => arn(p, 'lambda', `function:${nameOf(p)}`) },
  },
  'AWS::Lambda::EventSourceMapping': {
    mode: 'emulated',
    properties: [
      ...COMMON,
      'EventSourceArn',
      'FunctionName',
      'StartingPosition',
      'BatchSize',
      'BisectBatchOnFunctionError',
      'MaximumRetryAttempts',
      'FunctionResponseTypes',
      'FilterCriteria',
      'DestinationConfig',
      'MaximumBatchingWindowInSeconds',
      'Enabled',
    ],
    ref: (p) => hash(p, 32),
  },
  // Honoured by Lambda's asynchronous invocations (lambda/async-invocations.ts): retries, maximum event age and
  // the on-failure queue. A rule's Lambda target is delivered synchronously instead (wiring/dispatcher.ts).
  'AWS::Lambda::EventInvokeConfig': {
    mode: 'emulated',
    properties: [
      'FunctionName',
      'Qualifier',
      'MaximumRetryAttempts',
      'MaximumEventAgeInSeconds',
      'DestinationConfig',
    ],
    ref: (p) => hash(p, 32),
  },
  'AWS::Events::EventBus': {
    mode: 'emulated',
    nameProperty: 'Name',
    properties: [...COMMON, 'Name', 'Description', 'DeadLetterConfig'],
    ref: (p) => nameOf(p, 256),
    attributes: {
      Arn: (p) => arn(p, 'events', `event-bus/${nameOf(p, 256)}`),
      Name: (p) => nameOf(p, 256),
    },
  },
  'AWS::Events::Rule': {
    mode: 'emulated',
    nameProperty: 'Name',
    properties: [
      ...COMMON,
      'Name',
      'Description',
      'EventBusName',
      'EventPattern',
      // rate() only; wiring/events.ts refuses cron() naming the rule.
      'ScheduleExpression',
      'State',
      'Targets',
    ],
    ref: (p) => nameOf(p),
    attributes: { Arn: (p) => arn(p, 'events', `rule/${nameOf(p)}`) },
  },
  'AWS::Events::Archive': {
    mode: 'emulated',
    nameProperty: 'ArchiveName',
    properties: [
      'ArchiveName',
      'Description',
      'EventPattern',
      'RetentionDays',
      'SourceArn',
      'KmsKeyIdentifier',
    ],
    ref: (p) => nameOf(p, 48),
    attributes: { Arn: (p) => arn(p, 'events', `archive/${nameOf(p, 48)}`) },
  },
  'AWS::SQS::Queue': {
    mode: 'emulated',
    nameProperty: 'QueueName',
    properties: [
      ...COMMON,
      'QueueName',
      'KmsMasterKeyId',
      'SqsManagedSseEnabled',
      'MessageRetentionPeriod',
      'VisibilityTimeout',
      'KmsDataKeyReusePeriodSeconds',
    ],
    ref: (p) => `https://sqs.${p.region}.amazonaws.com/${p.account}/${nameOf(p, 80)}`,
    attributes: {
      Arn: (p) => arn(p, 'sqs', nameOf(p, 80)),
      QueueName: (p) => nameOf(p, 80),
      QueueUrl: (p) => `https://sqs.${p.region}.amazonaws.com/${p.account}/${nameOf(p, 80)}`,
    },
  },
  'AWS::StepFunctions::StateMachine': {
    mode: 'emulated',
    nameProperty: 'StateMachineName',
    properties: [
      ...COMMON,
      'StateMachineName',
      'StateMachineType',
      'DefinitionString',
      'RoleArn',
      'LoggingConfiguration',
      'TracingConfiguration',
    ],
    ref: (p) => arn(p, 'states', `stateMachine:${nameOf(p, 80)}`),
    attributes: {
      Arn: (p) => arn(p, 'states', `stateMachine:${nameOf(p, 80)}`),
      Name: (p) => nameOf(p, 80),
    },
  },
  'AWS::ApiGatewayV2::Api': {
    mode: 'emulated',
    nameProperty: 'Name',
    properties: [
      ...COMMON,
      'Name',
      'Description',
      'ProtocolType',
      'CorsConfiguration',
      'DisableExecuteApiEndpoint',
    ],
    ref: (p) => hash(p),
    attributes: { ApiEndpoint: (p) => `https://${hash(p)}.execute-api.${p.region}.amazonaws.com` },
  },
  'AWS::ApiGatewayV2::Route': {
    mode: 'emulated',
    properties: ['ApiId', 'RouteKey', 'Target', 'AuthorizationType', 'AuthorizerId', 'AuthorizationScopes'],
    ref: (p) => hash(p, 7),
  },
  'AWS::ApiGatewayV2::Integration': {
    mode: 'emulated',
    properties: ['ApiId', 'IntegrationType', 'IntegrationUri', 'PayloadFormatVersion', 'TimeoutInMillis'],
    ref: (p) => hash(p, 7),
  },
  'AWS::ApiGatewayV2::Authorizer': {
    mode: 'emulated',
    properties: ['ApiId', 'AuthorizerType', 'IdentitySource', 'JwtConfiguration', 'Name'],
    ref: (p) => hash(p, 6),
  },
  'AWS::ApiGatewayV2::Stage': {
    mode: 'emulated',
    properties: [...COMMON, 'ApiId', 'StageName', 'AutoDeploy', 'AccessLogSettings', 'DefaultRouteSettings'],
    ref: (p) => hash(p, 6),
  },
  'AWS::Cognito::UserPool': {
    mode: 'emulated',
    nameProperty: 'UserPoolName',
    ref: (p) => `${p.region}_${hash(p, 9)}`,
    attributes: {
      Arn: (p) => arn(p, 'cognito-idp', `userpool/${p.region}_${hash(p, 9)}`),
      ProviderName: (p) => `cognito-idp.${p.region}.amazonaws.com/${p.region}_${hash(p, 9)}`,
      ProviderURL: (p) => `https://cognito-idp.${p.region}.amazonaws.com/${p.region}_${hash(p, 9)}`,
    },
  },
  'AWS::Cognito::UserPoolClient': { mode: 'emulated', ref: (p) => hash(p, 26) },
  'Custom::CDKBucketDeployment': { mode: 'emulated', ref: (p) => hash(p) },

  'AWS::IAM::Role': {
    mode: 'inert',
    nameProperty: 'RoleName',
    ref: (p) => nameOf(p),
    attributes: {
      Arn: (p) => `arn:${p.partition}:iam::${p.account}:role/${nameOf(p)}`,
      RoleId: (p) => hash(p, 21),
    },
  },
  'AWS::IAM::Policy': { mode: 'inert', ref: (p) => hash(p) },
  // Inert for encryption (local engines do not encrypt); HMAC keys answer GenerateMac (aws/kms.ts).
  'AWS::KMS::Key': {
    mode: 'inert',
    ref: (p) => hash(p, 32),
    attributes: { Arn: (p) => arn(p, 'kms', `key/${hash(p, 32)}`), KeyId: (p) => hash(p, 32) },
  },
  'AWS::Logs::LogGroup': {
    mode: 'inert',
    nameProperty: 'LogGroupName',
    ref: (p) => p.givenName ?? `/local/${p.stackName}/${p.logicalId}`,
    attributes: {
      Arn: (p) => arn(p, 'logs', `log-group:${p.givenName ?? `/local/${p.stackName}/${p.logicalId}`}:*`),
    },
  },
  'AWS::S3::BucketPolicy': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::SQS::QueuePolicy': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::Lambda::Permission': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::Lambda::LayerVersion': { mode: 'inert', ref: (p) => arn(p, 'lambda', `layer:${hash(p)}:1`) },
  'AWS::Cognito::UserPoolGroup': { mode: 'inert', ref: (p) => p.logicalId },
  // The hosted UI's domain: local mode signs in at /local/sign-in instead.
  'AWS::Cognito::UserPoolDomain': { mode: 'inert', ref: (p) => p.logicalId },
  'AWS::CloudFront::Distribution': {
    mode: 'inert',
    ref: (p) => hash(p, 14).toUpperCase(),
    attributes: { DomainName: (p) => `${hash(p, 14)}.cloudfront.net` },
  },
  'AWS::CloudFront::OriginAccessControl': { mode: 'inert', ref: (p) => hash(p, 14) },
  'AWS::CloudFront::Function': {
    mode: 'inert',
    ref: (p) => arn(p, 'cloudfront', `function/${hash(p)}`, ''),
    attributes: { FunctionARN: (p) => arn(p, 'cloudfront', `function/${hash(p)}`, '') },
  },
  'AWS::CloudWatch::Alarm': {
    mode: 'inert',
    ref: (p) => nameOf(p),
    attributes: { Arn: (p) => arn(p, 'cloudwatch', `alarm:${nameOf(p)}`) },
  },
  'AWS::CloudWatch::Dashboard': { mode: 'inert', ref: (p) => nameOf(p) },
  'AWS::SNS::Topic': {
    mode: 'inert',
    ref: (p) => arn(p, 'sns', nameOf(p)),
    attributes: { TopicArn: (p) => arn(p, 'sns', nameOf(p)), TopicName: (p) => nameOf(p) },
  },
  'AWS::SNS::TopicPolicy': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::SNS::Subscription': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::CDK::Metadata': { mode: 'inert', ref: (p) => p.logicalId },

  // The front door, audit and backups act on AWS's side of the platform only: no local effect. The local front
  // server is the one door; audit records of cases are the cases table's own.
  'AWS::WAFv2::WebACL': {
    mode: 'inert',
    ref: (p) => `${nameOf(p, 128)}|${hash(p, 36)}|CLOUDFRONT`,
    attributes: {
      Arn: (p) => arn(p, 'wafv2', `global/webacl/${nameOf(p, 128)}/${hash(p, 36)}`, 'us-east-1'),
      Id: (p) => hash(p, 36),
    },
  },
  'AWS::SSM::Parameter': { mode: 'inert', nameProperty: 'Name', ref: (p) => nameOf(p, 2048) },
  'Custom::AWS': { mode: 'inert', ref: (p) => hash(p) },
  'AWS::CloudFront::ResponseHeadersPolicy': {
    mode: 'inert',
    ref: (p) => hash(p, 36),
    attributes: { Id: (p) => hash(p, 36) },
  },
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': {
    mode: 'inert',
    ref: (p) => hash(p, 14).toUpperCase(),
    attributes: { S3CanonicalUserId: (p) => hash(p, 64) },
  },
  'AWS::ApiGatewayV2::DomainName': {
    mode: 'inert',
    nameProperty: 'DomainName',
    ref: (p) => p.givenName ?? hash(p),
    attributes: {
      RegionalDomainName: (p) => `d-${hash(p)}.execute-api.${p.region}.amazonaws.com`,
      RegionalHostedZoneId: (p) => hash(p, 14).toUpperCase(),
    },
  },
  'AWS::ApiGatewayV2::ApiMapping': { mode: 'inert', ref: (p) => hash(p, 6) },
  'AWS::SecretsManager::Secret': {
    mode: 'inert',
    ref: (p) => arn(p, 'secretsmanager', `secret:${nameOf(p)}-${hash(p, 6)}`),
  },
  'AWS::CloudTrail::Trail': {
    mode: 'inert',
    nameProperty: 'TrailName',
    ref: (p) => nameOf(p, 128),
    attributes: { Arn: (p) => arn(p, 'cloudtrail', `trail/${nameOf(p, 128)}`) },
  },
  'AWS::Backup::BackupVault': {
    mode: 'inert',
    nameProperty: 'BackupVaultName',
    ref: (p) => nameOf(p, 50),
    attributes: {
      BackupVaultName: (p) => nameOf(p, 50),
      BackupVaultArn: (p) => arn(p, 'backup', `backup-vault:${nameOf(p, 50)}`),
    },
  },
  'AWS::Backup::BackupPlan': {
    mode: 'inert',
    ref: (p) => hash(p, 36),
    attributes: {
      BackupPlanId: (p) => hash(p, 36),
      BackupPlanArn: (p) => arn(p, 'backup', `backup-plan:${hash(p, 36)}`),
    },
  },
  'AWS::Backup::BackupSelection': { mode: 'inert', ref: (p) => hash(p, 36) },
};
