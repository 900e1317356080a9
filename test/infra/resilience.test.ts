import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceFunction } from '../../infra/constructs/service-function.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import type { EventsStack } from '../../infra/stacks/events-stack.ts';
import type { WorkflowStack } from '../../infra/stacks/workflow-stack.ts';
import { asyncInvokedFunctions, droppedOnFailure, type StackTemplate } from './support/async-invocations.ts';
import { buildOnly, type Synthesized, synthesizePlatform } from './support/synth.ts';
import { asList, flatten, logicalId, resources } from './support/templates.ts';

interface Alarm {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  ExtendedStatistic?: string;
  Threshold: number;
  Metrics?: {
    Id: string;
    MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: unknown }[] } };
  }[];
  AlarmActions: unknown[];
}

describe.each(['dev', 'prod'])('the keys, backups and alarms of stage %s', (stage) => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:stage': stage }, bundle: false });
  });
  afterAll(() => platform?.dispose());
  const data = () => platform.template('data');
  const alarms = () => resources<Alarm>(platform.template('observability'), 'AWS::CloudWatch::Alarm');
  /** The value another stack exports behind an alarm dimension. */
  const subject = (value: unknown) => {
    const name = /\$\{import:([^}]+)\}/.exec(flatten(value))?.[1];
    return name ? platform.exported(name) : value;
  };

  it('creates the ID-hash key and the hand-off receipts key as multi-Region keys, so a second region hashes alike', () => {
    const idHash = logicalId(platform.stack<DataStack>('data').idHashKey);
    const receipts = logicalId(platform.stack<WorkflowStack>('workflow').handOffs.receiptKey);
    expect(data().toJSON().Resources[idHash].Properties).toMatchObject({
      MultiRegion: true,
      KeySpec: 'HMAC_256',
    });
    expect(platform.template('workflow').toJSON().Resources[receipts].Properties).toMatchObject({
      MultiRegion: true,
      KeySpec: 'HMAC_256',
    });
  });

  it('backs up both tables and the materials bucket: continuously for 35 days, monthly for a year', () => {
    const [plan] = resources<{ BackupPlan: { BackupPlanRule: Record<string, unknown>[] } }>(
      data(),
      'AWS::Backup::BackupPlan',
    );
    expect(plan!.props.BackupPlan.BackupPlanRule).toEqual([
      expect.objectContaining({
        RuleName: 'Continuous',
        EnableContinuousBackup: true,
        Lifecycle: { DeleteAfterDays: 35 },
      }),
      expect.objectContaining({ RuleName: 'Monthly', Lifecycle: { DeleteAfterDays: 365 } }),
    ]);
    const [selection] = resources<{ BackupSelection: { Resources: unknown[] } }>(
      data(),
      'AWS::Backup::BackupSelection',
    );
    const stack = platform.stack<DataStack>('data');
    const selected = flatten(selection!.props.BackupSelection.Resources);
    for (const resource of [stack.casesTable, stack.mattersTable, stack.materialsBucket])
      expect(selected).toContain(`\${${logicalId(resource)}.Arn}`);
    const [vault] = resources<{ LockConfiguration: { MinRetentionDays: number } }>(
      data(),
      'AWS::Backup::BackupVault',
    );
    expect(vault!.props.LockConfiguration.MinRetentionDays).toBe(7);
  });

  it('alarms on the errors and the throttles of every function', () => {
    const functions = platform.app.node
      .findAll()
      .filter((c): c is ServiceFunction => c instanceof ServiceFunction)
      .map((fn) => ({ Ref: logicalId(fn) }));
    expect(functions.length).toBeGreaterThan(40);
    for (const metric of ['Errors', 'Throttles']) {
      const watched = alarms()
        .filter((a) => a.props.Namespace === 'AWS/Lambda' && a.props.MetricName === metric)
        .map((a) => subject(a.props.Dimensions?.[0]?.Value));
      expect(watched).toHaveLength(functions.length);
      expect(watched).toEqual(expect.arrayContaining(functions));
    }
  });

  it('alarms when the outbox falls a minute behind the tables (iterator age)', () => {
    const publisher = logicalId(platform.stack<EventsStack>('events').outboxPublisher);
    const [age] = alarms().filter((a) => a.props.MetricName === 'IteratorAge');
    expect(subject(age!.props.Dimensions?.[0]?.Value)).toEqual({ Ref: publisher });
    expect(age!.props.Threshold).toBe(60_000);
  });

  it('alarms when DynamoDB throttles either table', () => {
    const tables = alarms()
      .filter((a) => a.props.Metrics?.some((m) => m.MetricStat?.Metric.MetricName === 'WriteThrottleEvents'))
      .map((a) =>
        subject(a.props.Metrics!.find((m) => m.MetricStat)!.MetricStat!.Metric.Dimensions[0]!.Value),
      );
    const stack = platform.stack<DataStack>('data');
    expect(tables).toEqual([{ Ref: logicalId(stack.mattersTable) }, { Ref: logicalId(stack.casesTable) }]);
  });

  it("alarms on the API's p99 latency", () => {
    const latency = alarms().filter((a) => a.props.MetricName === 'Latency');
    expect(latency.map((a) => a.props.ExtendedStatistic)).toEqual(['p99']);
  });

  it("alarms on the reminder schedules' own dead-letter queue", () => {
    const queue = logicalId(platform.stack<WorkflowStack>('workflow').reminders.schedulesDeadLetterQueue);
    const watched = alarms()
      .filter((a) => a.props.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => subject(a.props.Dimensions?.[0]?.Value));
    expect(watched).toContainEqual({ 'Fn::GetAtt': [queue, 'QueueName'] });
  });

  it('gives every function invoked asynchronously an on-failure queue: events its handler fails are kept, not dropped', () => {
    const functions = asyncInvokedFunctions(platform.assembly.stacks);
    // Rule targets and the catalog builder, which its own schedules invoke too.
    expect(functions.length).toBeGreaterThanOrEqual(10);
    expect(functions.some((fn) => fn.by.some((by) => by.startsWith('EventBridge Scheduler')))).toBe(true);
    expect(droppedOnFailure(functions)).toEqual([]);
    for (const fn of functions) {
      // Every retry Lambda allows, for as long as it allows (dead-letter-queue.ts says why).
      expect(fn.config, fn.id).toMatchObject({
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21_600,
      });
    }
  });

  it('keeps the on-failure queues as it keeps dead letters: KMS-encrypted, TLS only, 14 days, alarmed on', () => {
    const queues = new Map(
      asyncInvokedFunctions(platform.assembly.stacks).map(({ queue }) => [
        `${queue!.stack}/${queue!.id}`,
        queue!,
      ]),
    );
    expect(queues.size).toBeGreaterThanOrEqual(6);
    const watched = alarms()
      .filter((a) => a.props.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => ({ alarm: a.props, queue: subject(a.props.Dimensions?.[0]?.Value) }));
    for (const queue of queues.values()) {
      expect(queue.props.KmsMasterKeyId, queue.id).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
      expect(queue.props.MessageRetentionPeriod, queue.id).toBe(14 * 24 * 3600);
      const policies = resources<{ Queues: unknown[]; PolicyDocument: unknown }>(
        platform.template(queue.stack.replace(/^tongban-[^-]+-/, '')),
        'AWS::SQS::QueuePolicy',
      ).filter((p) => asList(p.props.Queues).some((q) => flatten(q) === `\${${queue.id}}`));
      expect(flatten(policies.map((p) => p.props.PolicyDocument)), queue.id).toContain('aws:SecureTransport');
      const alarm = watched.find(
        (w) => JSON.stringify(w.queue) === JSON.stringify({ 'Fn::GetAtt': [queue.id, 'QueueName'] }),
      );
      expect(alarm, `an alarm on ${queue.id}`).toBeDefined();
      expect(alarm!.alarm.Threshold).toBe(1);
    }
  });

  it('sends every alarm to the topic, to which a non-dev stage must subscribe someone', () => {
    const [topic] = resources(platform.template('observability'), 'AWS::SNS::Topic');
    expect(
      alarms().every((a) => JSON.stringify(a.props.AlarmActions) === JSON.stringify([{ Ref: topic!.id }])),
    ).toBe(true);
    const subscriptions = resources<{ Protocol: string; Endpoint: string }>(
      platform.template('observability'),
      'AWS::SNS::Subscription',
    );
    if (stage === 'dev') expect(subscriptions).toEqual([]);
    else
      expect(subscriptions.map((s) => s.props)).toEqual([
        expect.objectContaining({ Protocol: 'email', Endpoint: 'tongban-ops@example.gov.cn' }),
      ]);
  });
});

describe('a stage other than dev', () => {
  it('does not synthesize without someone its alarms reach', () => {
    expect(() => buildOnly({ 'tongban:stage': 'prod', 'tongban:alarmEmail': '' })).toThrow(
      'stage prod needs alarmEmail: its alarms must reach someone',
    );
  });

  it('does not synthesize without its domain (callbacks and CORS would be localhost and *)', () => {
    expect(() => buildOnly({ 'tongban:stage': 'prod', 'tongban:domain': {} })).toThrow(
      'stage prod needs its domain',
    );
  });
});

describe('the check of on-failure destinations', () => {
  const fn = { Type: 'AWS::Lambda::Function', Properties: {} };
  const queue = { Type: 'AWS::SQS::Queue', Properties: {} };
  const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
  const configOf = (id: string, destination?: string) => ({
    Type: 'AWS::Lambda::EventInvokeConfig',
    Properties: {
      FunctionName: { Ref: id },
      Qualifier: '$LATEST',
      ...(destination ? { DestinationConfig: { OnFailure: { Destination: arn(destination) } } } : {}),
    },
  });

  it('finds the targets of rules, of schedules and of S3, also in another stack, and names each it finds lacking', () => {
    const stacks: StackTemplate[] = [
      {
        stackName: 'functions',
        template: {
          Resources: {
            RuleTarget: fn,
            Scheduled: fn,
            Notified: fn,
            Kept: fn,
            Failures: queue,
            ScheduledConfig: configOf('Scheduled'),
            NotifiedConfig: configOf('Notified', 'Failures'),
            KeptConfig: configOf('Kept', 'Failures'),
            SchedulerRole: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: {
                  Statement: [{ Principal: { Service: 'scheduler.amazonaws.com' } }],
                },
              },
            },
            SchedulerPolicy: {
              Type: 'AWS::IAM::Policy',
              Properties: {
                Roles: [{ Ref: 'SchedulerRole' }],
                PolicyDocument: {
                  Statement: [
                    {
                      Action: 'lambda:InvokeFunction',
                      Resource: [arn('Scheduled'), { 'Fn::Join': ['', [arn('Scheduled'), ':*']] }],
                    },
                  ],
                },
              },
            },
            S3Permission: {
              Type: 'AWS::Lambda::Permission',
              Properties: { FunctionName: arn('Notified'), Principal: 's3.amazonaws.com' },
            },
            Synchronous: fn,
            ApiPermission: {
              Type: 'AWS::Lambda::Permission',
              Properties: { FunctionName: arn('Synchronous'), Principal: 'apigateway.amazonaws.com' },
            },
          },
          Outputs: {
            RuleTargetArn: { Value: arn('RuleTarget'), Export: { Name: 'functions:RuleTargetArn' } },
          },
        },
      },
      {
        stackName: 'rules',
        template: {
          Resources: {
            Rule: {
              Type: 'AWS::Events::Rule',
              Properties: {
                Targets: [
                  { Id: 'a', Arn: { 'Fn::ImportValue': 'functions:RuleTargetArn' } },
                  { Id: 'b', Arn: 'arn:aws:events:cn-north-1:123456789012:event-bus/elsewhere' },
                ],
              },
            },
          },
        },
      },
    ];
    const found = asyncInvokedFunctions(stacks);
    expect(found.map((f) => f.id).sort()).toEqual(['Notified', 'RuleTarget', 'Scheduled']);
    expect(droppedOnFailure(found).sort()).toEqual([
      'functions/RuleTarget (invoked by rule Rule) has no EventInvokeConfig: Lambda drops what it still fails after 2 retries',
      'functions/Scheduled (invoked by EventBridge Scheduler (policy SchedulerPolicy)) has no on-failure destination that is a queue of the app',
    ]);
  });
});
