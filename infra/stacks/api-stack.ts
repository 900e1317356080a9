import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { grantTable, type TableAccess } from '../constructs/grants.ts';
import { acknowledge } from '../constructs/nag.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { UserPools } from '../constructs/user-pools.ts';

export interface ApiStackProps extends StackProps {
  config: TongbanConfig;
  matters: TableAccess;
  cases: TableAccess;
  materialsBucket: s3.IBucket;
  hubBus: events.IEventBus;
  approvalStateMachine: sfn.IStateMachine;
}

/** The HTTP API: JWT authorizers for the two user pools and one Lambda function per capability. */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly userPools: UserPools;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.userPools = new UserPools(this, 'UserPools', {
      stage: config.stage,
      retainData: config.retainData,
      callbackUrls: [config.webDomain ? `https://${config.webDomain}/` : 'http://localhost:3000/'],
    });
    const citizen = new HttpUserPoolAuthorizer('CitizenAuthorizer', this.userPools.citizens, {
      userPoolClients: [this.userPools.citizensClient],
    });
    const staff = new HttpUserPoolAuthorizer('StaffAuthorizer', this.userPools.staff, {
      userPoolClients: [this.userPools.staffClient],
    });

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `tongban-${config.stage}`,
      description: 'tongban (通办) public API',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 5000, burstLimit: 10000 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No source IP or user agent: access logs must not become a store of personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const health = new ServiceFunction(this, 'Health', {
      entry: 'platform/health.ts',
      description: 'Reports whether every engine the platform depends on answers',
      environment: {
        MATTERS_TABLE: props.matters.table.tableName,
        CASES_TABLE: props.cases.table.tableName,
        MATERIALS_BUCKET: props.materialsBucket.bucketName,
        HUB_BUS_NAME: props.hubBus.eventBusName,
        APPROVAL_STATE_MACHINE_ARN: props.approvalStateMachine.stateMachineArn,
      },
    });
    health.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeTable'],
        resources: [props.matters.table.tableArn, props.cases.table.tableArn],
      }),
    );
    health.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.materialsBucket.bucketArn] }),
    );
    health.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:DescribeEventBus'],
        resources: [props.hubBus.eventBusArn],
      }),
    );
    health.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeStateMachine'],
        resources: [props.approvalStateMachine.stateMachineArn],
      }),
    );

    const getMatter = new ServiceFunction(this, 'GetMatter', {
      entry: 'catalog/get-matter.ts',
      description: 'Reads the guide of one implementation item from the catalog',
      environment: { MATTERS_TABLE: props.matters.table.tableName },
    });
    grantTable(getMatter, props.matters, 'read');

    const me = new ServiceFunction(this, 'Me', {
      entry: 'identity/me.ts',
      description: 'Tells the signed-in user who the platform thinks they are, personal data masked',
    });

    const route = (path: string, fn: ServiceFunction, authorizer?: apigw.IHttpRouteAuthorizer) =>
      this.httpApi.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET],
        integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn),
        authorizer,
      });
    const publicRoutes = [
      ...route('/api/health', health),
      ...route('/api/matters/{implementationCode}', getMatter),
    ];
    route('/api/me', me, citizen);
    this.httpApi.addRoutes({
      path: '/api/staff/me',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('StaffMeIntegration', me),
      authorizer: staff,
    });
    for (const r of publicRoutes) {
      acknowledge(r, [
        {
          id: 'AwsSolutions-APIG4',
          reason: 'Public by design: health and the published service guides need no sign-in.',
        },
      ]);
    }

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'CitizenPoolId', { value: this.userPools.citizens.userPoolId });
    new CfnOutput(this, 'StaffPoolId', { value: this.userPools.staff.userPoolId });
  }
}
