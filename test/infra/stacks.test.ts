import { Match, type Template } from 'aws-cdk-lib/assertions';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRegions, readConfig } from '../../infra/config.ts';
import { FailedInvocationsQueue } from '../../infra/constructs/dead-letter-queue.ts';
import type { ApiStack } from '../../infra/stacks/api-stack.ts';
import type { CatalogStack } from '../../infra/stacks/catalog-stack.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import type { EventsStack } from '../../infra/stacks/events-stack.ts';
import type { WorkflowStack } from '../../infra/stacks/workflow-stack.ts';
import { FINAL_ERRORS } from '../../shared/domain/errors.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';
import { asList, flatten, logicalId, onlyId, resources } from './support/templates.ts';

const STACKS = ['data', 'events', 'workflow', 'api', 'catalog', 'edge', 'web', 'audit', 'observability'];

// One synthesis for the whole file, with the Lambda functions bundled, as `cdk synth` does it.
let platform: Synthesized;
beforeAll(() => {
  platform = synthesizePlatform();
});
afterAll(() => platform?.dispose());

/** The properties of one resource, by logical id. */
function propsOf<P>(template: Template, id: string): P {
  return (template.toJSON().Resources[id] as { Properties: P }).Properties;
}

/** The name in an `Fn::ImportValue` somewhere inside `value`. */
function importedName(value: unknown): string {
  const match = /"Fn::ImportValue":"([^"]+)"/.exec(JSON.stringify(value));
  if (!match) throw new Error(`no Fn::ImportValue in ${JSON.stringify(value)}`);
  return match[1]!;
}

describe('the data stack', () => {
  const data = () => platform.template('data');
  const stack = () => platform.stack<DataStack>('data');

  it('bills both tables per request', () => {
    data().resourceCountIs('AWS::DynamoDB::Table', 2);
    data().allResourcesProperties('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' });
  });

  it('keeps point-in-time recovery on for both tables', () => {
    data().allResourcesProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it("encrypts both tables with the platform's customer-managed key", () => {
    const key = logicalId(stack().key);
    expect(propsOf(data(), key)).toMatchObject({ EnableKeyRotation: true });
    data().allResourcesProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] } },
    });
  });

  it('streams new and old images of every write to the cases table (the outbox)', () => {
    expect(propsOf(data(), logicalId(stack().casesTable))).toMatchObject({
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('indexes the cases table with gsi1 and gsi2', () => {
    const { GlobalSecondaryIndexes: indexes } = propsOf<{ GlobalSecondaryIndexes: { IndexName: string }[] }>(
      data(),
      logicalId(stack().casesTable),
    );
    expect(indexes.map((index) => index.IndexName)).toEqual(['gsi1', 'gsi2']);
    expect(indexes).toEqual(
      ['gsi1', 'gsi2'].map((name) =>
        expect.objectContaining({
          KeySchema: [
            { AttributeName: `${name}pk`, KeyType: 'HASH' },
            { AttributeName: `${name}sk`, KeyType: 'RANGE' },
          ],
        }),
      ),
    );
  });
});

describe('the materials bucket', () => {
  const data = () => platform.template('data');
  const bucket = () => logicalId(platform.stack<DataStack>('data').materialsBucket);

  it('encrypts materials with the platform key (SSE-KMS)', () => {
    const key = logicalId(platform.stack<DataStack>('data').key);
    expect(propsOf(data(), bucket())).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
            },
          },
        ],
      },
    });
  });

  it('keeps every version of a material', () => {
    expect(propsOf(data(), bucket())).toMatchObject({ VersioningConfiguration: { Status: 'Enabled' } });
  });

  it('blocks all public access', () => {
    expect(propsOf(data(), bucket())).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('refuses every request made without TLS in its bucket policy', () => {
    data().hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucket() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('writes its access logs to a separate log bucket', () => {
    const { LoggingConfiguration: logging } = propsOf<{
      LoggingConfiguration: { DestinationBucketName: unknown };
    }>(data(), bucket());
    const catalog = logicalId(platform.stack<DataStack>('data').catalogBucket);
    const logs = Object.keys(data().findResources('AWS::S3::Bucket')).filter(
      (id) => id !== bucket() && id !== catalog,
    );
    expect(logs).toHaveLength(1);
    expect(logging.DestinationBucketName).toEqual({ Ref: logs[0] });
  });
});

interface RuleProps {
  EventBusName: unknown;
  EventPattern: { detail?: { handlingRegion?: unknown[]; receivingRegion?: string[] } };
  Targets: { Arn: unknown; DeadLetterConfig?: { Arn: unknown } }[];
}

describe('the events stack', () => {
  const events = () => platform.template('events');
  const stack = () => platform.stack<EventsStack>('events');
  const regions = () => caseRegions(readConfig(platform.app));

  it('has the hub and one bus per configured region and the province, named tongban-dev-<code>', () => {
    const names = resources<{ Name: string }>(events(), 'AWS::Events::EventBus').map((bus) => bus.props.Name);
    // The province, its ten cities and its two special zones.
    expect(regions()).toHaveLength(13);
    expect(names.sort()).toEqual(
      ['tongban-dev-hub', ...regions().map((r) => `tongban-dev-${r.code}`)].sort(),
    );
  });

  it('routes each case event from the hub to the bus of its detail.handlingRegion', () => {
    const rules = resources<RuleProps>(events(), 'AWS::Events::Rule');
    expect(rules).toHaveLength(2 * regions().length);
    for (const region of regions()) {
      const routing = rules.filter(
        (rule) => JSON.stringify(rule.props.EventPattern.detail?.handlingRegion) === `["${region.code}"]`,
      );
      expect(routing, region.code).toHaveLength(1);
      const bus = logicalId(stack().regionBuses.get(region.code)!);
      expect(routing[0]!.props.EventBusName).toEqual({ Ref: logicalId(stack().hubBus) });
      expect(routing[0]!.props.Targets.map((target) => target.Arn)).toEqual([{ 'Fn::GetAtt': [bus, 'Arn'] }]);
    }
  });

  it('also routes a case event to the bus of the region that received it, when another region handles it', () => {
    const rules = resources<RuleProps>(events(), 'AWS::Events::Rule');
    for (const region of regions()) {
      const received = rules.filter(
        (rule) => rule.props.EventPattern.detail?.receivingRegion?.join() === region.code,
      );
      expect(received, region.code).toHaveLength(1);
      expect(received[0]!.props.EventPattern.detail?.handlingRegion).toEqual([
        { 'anything-but': [region.code] },
      ]);
      const bus = logicalId(stack().regionBuses.get(region.code)!);
      expect(received[0]!.props.Targets.map((target) => target.Arn)).toEqual([
        { 'Fn::GetAtt': [bus, 'Arn'] },
      ]);
    }
  });

  it('gives every rule target a dead-letter queue', () => {
    const targets = STACKS.flatMap((part) =>
      resources<RuleProps>(platform.template(part), 'AWS::Events::Rule'),
    )
      .flatMap((rule) => rule.props.Targets)
      .filter((target) => !target.DeadLetterConfig?.Arn);
    expect(targets).toEqual([]);
  });

  it('archives the events on the hub', () => {
    events().hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [logicalId(stack().hubBus), 'Arn'] },
    });
  });
});

interface MappingProps {
  FunctionName: unknown;
  EventSourceArn: unknown;
  FilterCriteria?: { Filters: { Pattern: string }[] };
  BisectBatchOnFunctionError?: boolean;
  DestinationConfig?: { OnFailure?: { Destination: unknown } };
}

describe('the outbox publisher', () => {
  const mappings = () =>
    resources<MappingProps>(platform.template('events'), 'AWS::Lambda::EventSourceMapping');
  // The cases table's mapping; the matters table has the same one (published catalog versions).
  const mapping = () => {
    const cases = logicalId(platform.stack<DataStack>('data').casesTable);
    const found = mappings().filter(
      (m) =>
        JSON.stringify(platform.exported(importedName(m.props.EventSourceArn))) ===
        JSON.stringify({ 'Fn::GetAtt': [cases, 'StreamArn'] }),
    );
    expect(found).toHaveLength(1);
    return found[0]!.props;
  };

  it('reads the streams of the cases table and of the matters table, with the same settings', () => {
    const publisher = platform.stack<EventsStack>('events').node.findChild('OutboxPublisher');
    const tables = [
      platform.stack<DataStack>('data').casesTable,
      platform.stack<DataStack>('data').mattersTable,
    ];
    expect(mappings()).toHaveLength(2);
    for (const m of mappings()) {
      expect(m.props.FunctionName).toEqual({ Ref: logicalId(publisher) });
      expect(m.props.FilterCriteria).toEqual(mapping().FilterCriteria);
    }
    expect(mappings().map((m) => platform.exported(importedName(m.props.EventSourceArn)))).toEqual(
      expect.arrayContaining(tables.map((t) => ({ 'Fn::GetAtt': [logicalId(t), 'StreamArn'] }))),
    );
  });

  it('is only invoked for inserted outbox records (filter criteria)', () => {
    const filters = mapping().FilterCriteria?.Filters ?? [];
    expect(filters).toHaveLength(1);
    expect(JSON.parse(filters[0]!.Pattern)).toMatchObject({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { outbox: expect.anything() } },
    });
  });

  it('bisects a failing batch to isolate the record that fails', () => {
    expect(mapping().BisectBatchOnFunctionError).toBe(true);
  });

  it('sends records that keep failing to an encrypted queue', () => {
    const destination = mapping().DestinationConfig?.OnFailure?.Destination as { 'Fn::GetAtt': string[] };
    const [queue, attribute] = destination['Fn::GetAtt'];
    expect(attribute).toBe('Arn');
    expect(propsOf(platform.template('events'), queue!)).toMatchObject({ KmsMasterKeyId: expect.anything() });
  });
});

interface StateJson {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number }[];
  Next?: string;
}

describe('the approval workflow', () => {
  const machine = () =>
    propsOf<{ DefinitionString: unknown }>(
      platform.template('workflow'),
      logicalId(platform.stack<WorkflowStack>('workflow').approvalStateMachine),
    );
  const states = () =>
    (JSON.parse(flatten(machine().DefinitionString)) as { States: Record<string, StateJson> }).States;
  const waiting = () =>
    Object.entries(states()).filter(([, s]) => s.Resource?.endsWith(':lambda:invoke.waitForTaskToken'));
  const review = () => states().Review!;

  it('is a STANDARD state machine, traced with X-Ray and logged', () => {
    expect(machine()).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', Destinations: [expect.anything()] },
    });
  });

  it("waits with task tokens for the reviewer and for the applicant's supplement, nothing else", () => {
    expect(
      waiting()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['AwaitSupplement', 'Review']);
  });

  it('times the review out when its task is to be escalated, read from the state, with no heartbeat to cut it short', () => {
    expect(review()).toMatchObject({ Type: 'Task', TimeoutSecondsPath: '$.review.result.timeoutSeconds' });
    // Nothing sends heartbeats: one would escalate every review after it, whatever the task's deadline.
    expect(review().HeartbeatSeconds).toBeUndefined();
  });

  it('catches States.Timeout of the review and goes on to another state', () => {
    const timeout = review().Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'));
    expect(timeout).toBeDefined();
    expect(states()).toHaveProperty([timeout!.Next]);
  });

  it('retries a failing step, but fails it at once on input it cannot take, and marks the case stalled', () => {
    for (const name of ['Precheck', 'PrepareReview', 'EscalateReview', 'RecordDecision', 'Conclude']) {
      const retry = states()[name]!.Retry ?? [];
      // The first retrier whose errors match is the one applied, and States.TaskFailed matches every name.
      const final = retry.findIndex((r) => FINAL_ERRORS.every((e) => r.ErrorEquals.includes(e)));
      const failed = retry.findIndex((r) => r.ErrorEquals.includes('States.TaskFailed'));
      expect(final, name).toBeGreaterThanOrEqual(0);
      expect(retry[final]!.MaxAttempts, name).toBe(0);
      expect(failed, name).toBeGreaterThan(final);
      expect(retry[failed]!.MaxAttempts, name).toBeGreaterThan(0);
      expect(states()[name]!.Catch?.[0]?.ErrorEquals, name).toEqual(['States.ALL']);
    }
  });

  it("waits for the applicant's supplement after a decision that returned the case for correction", () => {
    const afterDecision = states()[states().RecordDecision!.Next!] as StateJson & {
      Choices?: { Variable: string; StringEquals?: string; Next: string }[];
    };
    expect(afterDecision.Choices).toEqual([
      { Variable: '$.recorded.result.status', StringEquals: 'correction-requested', Next: 'AwaitSupplement' },
    ]);
  });
});

describe('the clock reminders', () => {
  const workflow = () => platform.template('workflow');
  const policyOf = (fn: string) =>
    resources<PolicyProps>(workflow(), 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.props).includes(fn))
      .flatMap((p) => p.props.PolicyDocument.Statement);

  it('plans schedules named case-* in the default group, and nothing else of the scheduler', () => {
    const planner = platform.stack<WorkflowStack>('workflow').reminders.node.findChild('PlanReminders');
    const scheduling = policyOf(logicalId(planner).replace(/[A-F0-9]{8}$/, '')).filter((s) =>
      asList(s.Action).some((a) => a.startsWith('scheduler:')),
    );
    expect(scheduling).toHaveLength(1);
    expect(asList(scheduling[0]!.Action).sort()).toEqual([
      'scheduler:CreateSchedule',
      'scheduler:DeleteSchedule',
      'scheduler:UpdateSchedule',
    ]);
    expect(flatten(scheduling[0]!.Resource)).toMatch(/:schedule\/default\/case-\*$/);
  });

  it("lets EventBridge Scheduler put reminders on the hub bus, and those it gives up on in the schedules' dead-letter queue, only", () => {
    const role = onlyId(workflow(), 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
      }),
    });
    const statements = resources<PolicyProps & { Roles: unknown[] }>(workflow(), 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.props.Roles).includes(role))
      .flatMap((p) => p.props.PolicyDocument.Statement);
    const byAction = Object.fromEntries(
      statements.map((s) => [asList(s.Action).join(), flatten(s.Resource)]),
    );
    const dlq = logicalId(platform.stack<WorkflowStack>('workflow').reminders.schedulesDeadLetterQueue);
    expect(Object.keys(byAction).sort()).toEqual([
      'events:PutEvents',
      'kms:Decrypt,kms:GenerateDataKey',
      'sqs:SendMessage',
    ]);
    expect(byAction['events:PutEvents']).toMatch(/import:tongban-dev-events:.*HubBus.*Arn/);
    expect(byAction['sqs:SendMessage']).toBe(`\${${dlq}.Arn}`);
  });

  it('acts on case events that move a deadline, and on reminders that come due', () => {
    const patterns = resources<{ EventPattern: { source: string[]; 'detail-type': string[] } }>(
      workflow(),
      'AWS::Events::Rule',
    ).map((r) => r.props.EventPattern);
    expect(patterns).toContainEqual({ source: ['tongban.clock'], 'detail-type': ['Case Reminder Due'] });
    const planning = patterns.find((p) => p.source[0] === 'tongban.cases')!;
    expect(planning['detail-type']).toEqual(
      expect.arrayContaining([
        'Case Accepted',
        'Case Clock Paused',
        'Case Clock Extended',
        'Case Terminated',
      ]),
    );
  });
});

interface FunctionProps {
  Runtime: string;
  Architectures?: string[];
  TracingConfig?: { Mode: string };
  Environment?: { Variables?: Record<string, unknown> };
}

describe('every Lambda function of the platform', () => {
  // CDK's own custom-resource handlers (BucketDeployment's, AwsCustomResource's) come with CDK's runtime; the
  // platform's own carry Powertools' settings.
  const functions = () => {
    const all = STACKS.flatMap((part) =>
      resources<FunctionProps>(platform.template(part), 'AWS::Lambda::Function'),
    );
    const ours = all.filter((fn) => fn.props.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
    expect(ours.length).toBeGreaterThanOrEqual(8);
    return ours;
  };

  it('runs on Node.js 24', () => {
    expect(functions().filter((fn) => fn.props.Runtime !== 'nodejs24.x')).toEqual([]);
  });

  it('runs on arm64', () => {
    expect(functions().filter((fn) => fn.props.Architectures?.join() !== 'arm64')).toEqual([]);
  });

  it('is traced with X-Ray (Active)', () => {
    expect(functions().filter((fn) => fn.props.TracingConfig?.Mode !== 'Active')).toEqual([]);
  });
});

interface PolicyProps {
  PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
}

describe('the permissions of the workflow and API functions', () => {
  const statements = () =>
    ['workflow', 'api']
      .flatMap((part) => resources<PolicyProps>(platform.template(part), 'AWS::IAM::Policy'))
      .flatMap((policy) => policy.props.PolicyDocument.Statement);

  it('name each DynamoDB action instead of granting dynamodb:*', () => {
    const actions = statements().flatMap((s) => asList(s.Action).filter((a) => a.startsWith('dynamodb:')));
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('name each index instead of granting index/*', () => {
    const indexes = statements()
      .flatMap((s) => asList(s.Resource).map(flatten))
      .filter((arn) => arn.includes('/index/'))
      .map((arn) => arn.slice(arn.lastIndexOf('/index/')));
    expect(new Set(indexes)).toEqual(new Set(['/index/gsi1', '/index/gsi2']));
  });
});

interface AuthorizerProps {
  AuthorizerType: string;
  JwtConfiguration: { Issuer: unknown; Audience: unknown[] };
}

interface RouteProps {
  RouteKey: string;
  AuthorizationType: string;
  AuthorizerId?: unknown;
}

describe('the HTTP API and its OpenAPI document', () => {
  it('has exactly the routes of the route list the OpenAPI document is generated from', () => {
    const keys = resources<{ RouteKey: string }>(platform.template('api'), 'AWS::ApiGatewayV2::Route').map(
      (r) => r.props.RouteKey,
    );
    expect(keys.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('the HTTP API', () => {
  const api = () => platform.template('api');
  const pool = (name: 'citizens' | 'staff') => {
    const pools = platform.stack<ApiStack>('api').userPools!;
    return logicalId(name === 'citizens' ? pools.citizens : pools.staff);
  };
  // The authorizer whose tokens are issued by the pool: its issuer URL ends with the pool id.
  const authorizerOf = (poolId: string) => {
    const authorizers = resources<AuthorizerProps>(api(), 'AWS::ApiGatewayV2::Authorizer').filter((a) =>
      flatten(a.props.JwtConfiguration.Issuer).endsWith(`/\${${poolId}}`),
    );
    expect(authorizers, poolId).toHaveLength(1);
    return authorizers[0]!;
  };
  const route = (routeKey: string) => {
    const routes = resources<RouteProps>(api(), 'AWS::ApiGatewayV2::Route').filter(
      (r) => r.props.RouteKey === routeKey,
    );
    expect(routes, routeKey).toHaveLength(1);
    return routes[0]!.props;
  };

  it('verifies JWTs of the citizens and the staff user pools', () => {
    api().resourceCountIs('AWS::ApiGatewayV2::Authorizer', 2);
    for (const name of ['citizens', 'staff'] as const) {
      const authorizer = authorizerOf(pool(name));
      expect(authorizer.props.AuthorizerType).toBe('JWT');
      // The audience is the pool's own web client.
      const [client] = authorizer.props.JwtConfiguration.Audience as { Ref: string }[];
      expect(propsOf(api(), client!.Ref)).toMatchObject({ UserPoolId: { Ref: pool(name) } });
    }
  });

  it('serves /api/health without sign-in', () => {
    expect(route('GET /api/health')).toMatchObject({ AuthorizationType: 'NONE' });
  });

  it("admits /api/me with a citizen's token", () => {
    expect(route('GET /api/me')).toEqual(
      expect.objectContaining({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerOf(pool('citizens')).id },
      }),
    );
  });

  it("admits /api/staff/me with a staff member's token", () => {
    expect(route('GET /api/staff/me')).toEqual(
      expect.objectContaining({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerOf(pool('staff')).id },
      }),
    );
  });

  it('requires MFA of every staff member', () => {
    expect(propsOf(api(), pool('staff'))).toMatchObject({ MfaConfiguration: 'ON' });
  });

  it('has the groups window, reviewer, supervisor, the three administrators and regulator in the staff pool', () => {
    const groups = resources<{ GroupName: string; UserPoolId: unknown }>(
      api(),
      'AWS::Cognito::UserPoolGroup',
    );
    expect(groups.every((group) => flatten(group.props.UserPoolId) === `\${${pool('staff')}}`)).toBe(true);
    expect(groups.map((group) => group.props.GroupName).sort()).toEqual(
      ['admin', 'audit-admin', 'regulator', 'reviewer', 'security-admin', 'supervisor', 'window'].sort(),
    );
  });
});

interface DistributionProps {
  DistributionConfig: {
    CacheBehaviors: {
      PathPattern: string;
      TargetOriginId: string;
      CachePolicyId: string;
      AllowedMethods: string[];
    }[];
    Origins: { Id: string; DomainName: unknown }[];
  };
}

describe('the web distribution', () => {
  it('forwards /api/* to the HTTP API, uncached', () => {
    const [distribution] = resources<DistributionProps>(
      platform.template('web'),
      'AWS::CloudFront::Distribution',
    );
    const config = distribution!.props.DistributionConfig;
    const api = config.CacheBehaviors.find((behavior) => behavior.PathPattern === '/api/*');
    expect(api?.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(api?.AllowedMethods).toContain('POST');

    const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
    const httpApi = logicalId(platform.stack<ApiStack>('api').httpApi);
    expect(platform.exported(importedName(origin?.DomainName))).toEqual({
      'Fn::GetAtt': [httpApi, 'ApiEndpoint'],
    });
  });

  it('serves the app for its own routes with a viewer-request function, so an API 404 stays a 404', () => {
    const web = platform.template('web').toJSON();
    const distribution = Object.values(web.Resources).find(
      (r) => (r as { Type: string }).Type === 'AWS::CloudFront::Distribution',
    ) as {
      Properties: {
        DistributionConfig: {
          CustomErrorResponses?: unknown;
          DefaultCacheBehavior: { FunctionAssociations: { EventType: string }[] };
        };
      };
    };
    expect(distribution.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
    const [association] =
      distribution.Properties.DistributionConfig.DefaultCacheBehavior.FunctionAssociations;
    expect(association?.EventType).toBe('viewer-request');
    const fn = Object.values(web.Resources).find(
      (r) => (r as { Type: string }).Type === 'AWS::CloudFront::Function',
    ) as { Properties: { FunctionCode: string } };
    expect(fn.Properties.FunctionCode).toContain("r.uri='/index.html'");
  });
});

describe("the user pools' app clients", () => {
  it('never let a user write the custom attributes the API trusts', () => {
    const clients = resources<{ WriteAttributes: string[]; ReadAttributes: string[] }>(
      platform.template('api'),
      'AWS::Cognito::UserPoolClient',
    );
    expect(clients).toHaveLength(2);
    for (const { props } of clients) {
      expect(props.WriteAttributes.length).toBeGreaterThan(0);
      expect(props.WriteAttributes.filter((a) => a.startsWith('custom:'))).toEqual([]);
      expect(props.ReadAttributes).toContain('custom:region');
    }
  });
});

interface AlarmProps {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: unknown }[];
  AlarmActions: unknown[];
}

describe('the observability stack', () => {
  const observability = () => platform.template('observability');
  const alarms = () => resources<AlarmProps>(observability(), 'AWS::CloudWatch::Alarm');
  // What the alarm's metric is about: the value another stack exports for its only dimension.
  const subjectOf = (alarm: AlarmProps) => platform.exported(importedName(alarm.Dimensions));
  const alarmsOn = (namespace: string, metricName: string) =>
    alarms().filter((a) => a.props.Namespace === namespace && a.props.MetricName === metricName);

  it('has a dashboard', () => {
    observability().resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('alarms on 5xx answers of the HTTP API', () => {
    const httpApi = logicalId(platform.stack<ApiStack>('api').httpApi);
    expect(alarmsOn('AWS/ApiGateway', '5xx').map((a) => subjectOf(a.props))).toEqual([{ Ref: httpApi }]);
  });

  it('alarms on failed approval executions', () => {
    const machine = logicalId(platform.stack<WorkflowStack>('workflow').approvalStateMachine);
    expect(alarmsOn('AWS/States', 'ExecutionsFailed').map((a) => subjectOf(a.props))).toEqual([
      { Ref: machine },
    ]);
  });

  it('alarms on each dead-letter queue', () => {
    const queues = [
      ...platform.stack<EventsStack>('events').deadLetterQueues,
      platform.stack<CatalogStack>('catalog').deadLetterQueue,
      platform.stack<ApiStack>('api').uploadCheckDlq,
      platform.stack<WorkflowStack>('workflow').reminders.deadLetterQueue,
      platform.stack<WorkflowStack>('workflow').reminders.schedulesDeadLetterQueue,
      platform.stack<WorkflowStack>('workflow').handOffs.deadLetterQueue,
      platform.stack<WorkflowStack>('workflow').departmentAnswers.deadLetterQueue,
      platform.stack<WorkflowStack>('workflow').departmentAnswers.rejectedAnswers,
      platform.stack<WorkflowStack>('workflow').notificationsDlq,
      // The on-failure destinations of the functions invoked asynchronously.
      ...platform.app.node.findAll().filter((c) => c instanceof FailedInvocationsQueue),
    ].map((queue) => logicalId(queue));
    expect(queues.length).toBeGreaterThanOrEqual(16);
    const watched = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible').map((a) => subjectOf(a.props));
    expect(watched).toEqual(expect.arrayContaining(queues.map((q) => ({ 'Fn::GetAtt': [q, 'QueueName'] }))));
    expect(watched).toHaveLength(queues.length);
  });

  it('sends every alarm to a KMS-encrypted SNS topic', () => {
    const topic = onlyId(observability(), 'AWS::SNS::Topic');
    const { KmsMasterKeyId: key } = propsOf<{ KmsMasterKeyId: { 'Fn::GetAtt': string[] } }>(
      observability(),
      topic,
    );
    expect(observability().toJSON().Resources[key['Fn::GetAtt'][0]!]).toMatchObject({
      Type: 'AWS::KMS::Key',
    });
    expect(
      alarms().filter((a) => JSON.stringify(a.props.AlarmActions) !== JSON.stringify([{ Ref: topic }])),
    ).toEqual([]);
  });
});
