import { ArnFormat, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { type Permission, ROUTES } from '../../shared/http/routes.ts';
import type { TongbanConfig } from '../config.ts';
import { ApiOrigin } from '../constructs/api-origin.ts';
import { DeadLetterQueue, FailedInvocationsQueue } from '../constructs/dead-letter-queue.ts';
import { grantAppend, grantIdHash, grantTable, type TableAccess } from '../constructs/grants.ts';
import { Identity } from '../constructs/identity.ts';
import { acknowledge } from '../constructs/nag.ts';
import { PlatformLogGroup } from '../constructs/platform-logs.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import type { UserPools } from '../constructs/user-pools.ts';
import { materialsBucketName } from './data-stack.ts';

export interface ApiStackProps extends StackProps {
  config: TongbanConfig;
  matters: TableAccess;
  cases: TableAccess;
  materialsBucket: s3.IBucket;
  catalogBucket: s3.IBucket;
  /** The HMAC key of ID hashes (GenerateMac only, for the functions that take ID numbers in). */
  idHashKey: kms.IKey;
  pagingKey: kms.IKey;
  hubBus: events.IEventBus;
  approvalStateMachine: sfn.IStateMachine;
}

/**
 * The HTTP API: JWT authorizers for the stage's identity (the Cognito user pools, or the province's OIDC
 * issuers), and one Lambda function per capability, built from the route list in shared/http/routes.ts (the
 * same list the OpenAPI document is generated from). With a domain, the API answers on its own domain only
 * (the execute-api endpoint is disabled), and only to CloudFront (ApiOrigin).
 */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly identity: Identity;
  /** The Cognito user pools, where the stage signs in with them. */
  readonly userPools?: UserPools;
  readonly functions = new Map<string, ServiceFunction>();
  readonly uploadCheckDlq: DeadLetterQueue;
  /** Where the upload checks that still fail after Lambda's retries end up. */
  readonly uploadCheckFailures: FailedInvocationsQueue;
  /** Where CloudFront sends /api/*, when the stage has a domain. */
  readonly origin?: ApiOrigin;
  private readonly apiStage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.identity = new Identity(this, 'Identity', { config });
    this.userPools = this.identity.userPools;
    const authorizers = this.identity.authorizers;

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `tongban-${config.stage}`,
      description: 'tongban (通办) public API',
      createDefaultStage: false,
      // The front door is the only door: with a domain, CloudFront (and its WAF) is the one way in.
      disableExecuteApiEndpoint: config.domain !== undefined,
    });
    this.apiStage = this.defaultStage();
    if (config.domain)
      this.origin = new ApiOrigin(this, 'Origin', { domain: config.domain, stage: this.apiStage });

    for (const route of ROUTES) {
      const fn = this.functionFor(route.handler, route.summary, props);
      for (const permission of route.permissions) this.grant(fn, permission, props);
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration: new HttpLambdaIntegration(
          `${route.method}${route.path.replace(/[^a-zA-Z0-9]/g, '')}`,
          fn,
        ),
        authorizer: route.auth === 'public' ? undefined : authorizers[route.auth],
      });
      if (route.auth === 'public') {
        acknowledge(created!, [
          {
            id: 'AwsSolutions-APIG4',
            reason: 'Public by design: health, the API description and the published catalog.',
          },
        ]);
      }
    }

    [this.uploadCheckDlq, this.uploadCheckFailures] = this.uploadCheck(props);

    new CfnOutput(this, 'ApiUrl', {
      value: config.domain ? `https://${config.domain.api.name}` : this.httpApi.apiEndpoint,
    });
    if (this.userPools) {
      new CfnOutput(this, 'CitizenPoolId', { value: this.userPools.citizens.userPoolId });
      new CfnOutput(this, 'StaffPoolId', { value: this.userPools.staff.userPoolId });
    }
  }

  /** Object access under `cases/` of the materials bucket, named exactly, and the key's use for it. */
  private grantMaterials(fn: ServiceFunction, actions: string[], props: ApiStackProps, keyActions: string[]) {
    const objects = `arn:${this.partition}:s3:::${materialsBucketName(props.config.stage, this.account, this.region)}/cases/*`;
    fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [objects] }));
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: keyActions, resources: [props.matters.key.keyArn] }),
    );
    acknowledge(fn, [
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::tongban-${props.config.stage}-materials-<AWS::AccountId>-<AWS::Region>/cases/*]`,
        reason:
          "Materials are stored per case (cases/<case>/<material>/<upload>); each handler checks the case is the caller's.",
      },
    ]);
  }

  /** Checks every uploaded material (type by magic bytes, size, SHA-256) when S3 announces it. */
  private uploadCheck(props: ApiStackProps): [DeadLetterQueue, FailedInvocationsQueue] {
    const check = new ServiceFunction(this, 'CheckUpload', {
      entry: 'materials/check-upload.ts',
      description: 'Checks an uploaded material and attaches it to its case, or deletes it and records why',
      timeout: Duration.seconds(60),
      environment: { CASES_TABLE: props.cases.table.tableName },
    });
    grantTable(check, props.cases, 'readwrite');
    this.grantMaterials(
      check,
      ['s3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject', 's3:DeleteObjectVersion'],
      props,
      ['kms:Decrypt'],
    );
    const dlq = new DeadLetterQueue(this, 'UploadCheckDlq', {
      description: 'the dead-letter queue of upload checks',
    });
    const failures = new FailedInvocationsQueue(this, 'UploadCheckFailures', {
      description: 'the upload checks that failed',
    }).catchFailuresOf(check);
    new events.Rule(this, 'CheckUploads', {
      description: 'Every object created under cases/ in the materials bucket is checked',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [props.materialsBucket.bucketName] },
          object: { key: events.Match.prefix('cases/') },
        },
      },
      targets: [new targets.LambdaFunction(check, { deadLetterQueue: dlq, retryAttempts: 8 })],
    });
    return [dlq, failures];
  }

  private defaultStage(): apigw.HttpStage {
    const accessLogs = new PlatformLogGroup(this, 'AccessLogs');
    return new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 5000, burstLimit: 10000 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // Who did what from where, as 等保 level 3 asks of an audit trail: the caller's subject (an opaque id,
        // not a name) and source IP; the log group is encrypted, kept a year by default and never deleted
        // with the stack. No user agent, body or query string: they can carry personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            caller: '$context.authorizer.claims.sub',
            issuer: '$context.authorizer.claims.iss',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
  }

  /** One function per handler file, named after it (`catalog/get-matter.ts` → GetMatter). */
  private functionFor(handler: string, description: string, props: ApiStackProps): ServiceFunction {
    const existing = this.functions.get(handler);
    if (existing) return existing;
    const base = handler.split('/').pop()!.replace(/\.ts$/, '');
    const id = base.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
    const fn = new ServiceFunction(this, id, {
      entry: handler,
      description: description.slice(0, 256),
      environment: {
        MATTERS_TABLE: props.matters.table.tableName,
        CASES_TABLE: props.cases.table.tableName,
        CATALOG_BUCKET: props.catalogBucket.bucketName,
        ...this.identity.environment,
        ...this.origin?.environment,
      },
    });
    this.functions.set(handler, fn);
    return fn;
  }

  private grant(fn: ServiceFunction, permission: Permission, props: ApiStackProps): void {
    switch (permission) {
      case 'matters:read':
        grantTable(fn, props.matters, 'read');
        return;
      case 'matters:write':
        grantTable(fn, props.matters, 'readwrite');
        return;
      case 'cases:read':
        grantTable(fn, props.cases, 'read');
        return;
      case 'cases:write':
        grantTable(fn, props.cases, 'readwrite');
        return;
      case 'cases:append':
        grantAppend(fn, props.cases);
        return;
      case 'workflow:start':
        fn.addEnvironment('APPROVAL_STATE_MACHINE_ARN', props.approvalStateMachine.stateMachineArn);
        props.approvalStateMachine.grantStartExecution(fn);
        return;
      case 'workflow:callback':
        props.approvalStateMachine.grantTaskResponse(fn);
        return;
      case 'materials:write':
      case 'materials:read': {
        const write = permission === 'materials:write';
        fn.addEnvironment('MATERIALS_BUCKET', props.materialsBucket.bucketName);
        this.grantMaterials(fn, write ? ['s3:PutObject'] : ['s3:GetObject', 's3:GetObjectVersion'], props, [
          ...(write ? ['kms:GenerateDataKey', 'kms:Encrypt'] : ['kms:Decrypt']),
        ]);
        return;
      }
      case 'workflow:stop': {
        // Executions are named after their cases, so the grant covers the approval workflow's executions only.
        const executions = this.formatArn({
          service: 'states',
          resource: 'execution',
          resourceName: `tongban-${props.config.stage}-approval:*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        });
        fn.addEnvironment('APPROVAL_STATE_MACHINE_ARN', props.approvalStateMachine.stateMachineArn);
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['states:StopExecution'], resources: [executions] }),
        );
        acknowledge(fn, [
          {
            id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:tongban-${props.config.stage}-approval:*]`,
            reason:
              'Each case has its own execution, named after the case; only executions of the approval workflow.',
          },
        ]);
        return;
      }
      case 'catalog-index:read':
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['s3:GetObject'],
            resources: [
              props.catalogBucket.arnForObjects('catalog/search-index.json.gz'),
              props.catalogBucket.arnForObjects('catalog/export.json.gz'),
            ],
          }),
        );
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [props.matters.key.keyArn] }),
        );
        return;
      case 'paging':
        fn.addEnvironment('PAGING_KEY_ID', props.pagingKey.keyArn);
        grantIdHash(fn, props.pagingKey);
        return;
      case 'identity:hash':
        fn.addEnvironment('ID_HASH_KEY_ID', props.idHashKey.keyArn);
        grantIdHash(fn, props.idHashKey);
        return;
      case 'engines:describe':
        fn.addEnvironment('MATERIALS_BUCKET', props.materialsBucket.bucketName);
        fn.addEnvironment('HUB_BUS_NAME', props.hubBus.eventBusName);
        fn.addEnvironment('APPROVAL_STATE_MACHINE_ARN', props.approvalStateMachine.stateMachineArn);
        for (const [actions, resources] of [
          [['dynamodb:DescribeTable'], [props.matters.table.tableArn, props.cases.table.tableArn]],
          [['s3:ListBucket'], [props.materialsBucket.bucketArn]],
          [['events:DescribeEventBus'], [props.hubBus.eventBusArn]],
          [['states:DescribeStateMachine'], [props.approvalStateMachine.stateMachineArn]],
        ] as const) {
          fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...actions], resources: [...resources] }));
        }
        return;
    }
  }
}
