import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceFunction } from '../../infra/constructs/service-function.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import type { EventsStack } from '../../infra/stacks/events-stack.ts';
import type { WorkflowStack } from '../../infra/stacks/workflow-stack.ts';
import { buildOnly, type Synthesized, synthesizePlatform } from './support/synth.ts';
import { flatten, logicalId, resources } from './support/templates.ts';

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
