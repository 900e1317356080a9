import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifications } from '../../infra/constructs/notifications.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import type { WorkflowStack } from '../../infra/stacks/workflow-stack.ts';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';
import { asList, flatten, logicalId, resources } from './support/templates.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface PolicyProps {
  PolicyDocument: { Statement: Statement[] };
  Roles: unknown[];
}
interface RuleProps {
  EventBusName: unknown;
  EventPattern: { source: string[]; 'detail-type': string[] };
  Targets: { Arn: unknown; DeadLetterConfig?: { Arn: unknown }; RetryPolicy?: object }[];
}

// Names and policies only: no need to bundle the functions.
let platform: Synthesized;
beforeAll(() => {
  platform = synthesizePlatform({ bundle: false });
});
afterAll(() => platform?.dispose());

const workflow = () => platform.template('workflow');
const notifications = () =>
  platform.stack<WorkflowStack>('workflow').node.findChild('Notifications') as Notifications;
/** Every statement of the notifier's role. */
const statements = () => {
  const role = logicalId(notifications().function.role!);
  return resources<PolicyProps>(workflow(), 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.props.Roles).includes(`"${role}"`))
    .flatMap((p) => p.props.PolicyDocument.Statement);
};
const dynamodb = () => statements().filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));

describe('notifications of applicants', () => {
  it('hears of exactly the case events an applicant should know of, on the hub', () => {
    const fn = logicalId(notifications().function);
    const rules = resources<RuleProps>(workflow(), 'AWS::Events::Rule').filter((r) =>
      JSON.stringify(r.props.Targets).includes(`"${fn}"`),
    );
    expect(rules).toHaveLength(1);
    const { EventPattern, EventBusName } = rules[0]!.props;
    expect(flatten(EventBusName)).toMatch(/import:tongban-dev-events:.*HubBus/);
    expect(EventPattern.source).toEqual(['tongban.cases']);
    expect([...EventPattern['detail-type']].sort()).toEqual(
      [
        'Case Accepted',
        'Case Approved',
        'Case Concluded',
        'Case Correction Requested',
        'Case Denied',
        'Case Not Accepted',
        'Case Revoked',
        'Case Terminated',
        'Case Withdrawn',
      ].sort(),
    );
  });

  it('keeps an event it could not turn into a message in its own dead-letter queue, after retries', () => {
    const [target] = resources<RuleProps>(workflow(), 'AWS::Events::Rule')
      .flatMap((r) => r.props.Targets)
      .filter((t) => JSON.stringify(t.Arn).includes(`"${logicalId(notifications().function)}"`));
    expect(target?.DeadLetterConfig?.Arn).toEqual({
      'Fn::GetAtt': [logicalId(notifications().deadLetterQueue), 'Arn'],
    });
    expect(target?.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 8 });
  });

  it('alarms on that dead-letter queue', () => {
    const queue = logicalId(notifications().deadLetterQueue);
    const alarms = resources<{ MetricName: string; Dimensions: unknown }>(
      platform.template('observability'),
      'AWS::CloudWatch::Alarm',
    ).filter((a) => a.props.MetricName === 'ApproximateNumberOfMessagesVisible');
    const exported = alarms.map((a) => {
      const name = /"Fn::ImportValue":"([^"]+)"/.exec(JSON.stringify(a.props.Dimensions))?.[1];
      return name ? platform.exported(name) : undefined;
    });
    expect(exported).toContainEqual({ 'Fn::GetAtt': [queue, 'QueueName'] });
  });

  it('reads cases, and on the table only: no index', () => {
    const table = logicalId(platform.stack<DataStack>('data').casesTable);
    const reads = dynamodb().filter((s) => asList(s.Action).includes('dynamodb:GetItem'));
    expect(reads).toHaveLength(1);
    expect(asList(reads[0]!.Resource).map(flatten)).toEqual([expect.stringMatching(new RegExp(table))]);
    expect(reads[0]!.Condition).toBeUndefined();
  });

  it('writes nothing but new items under an inbox key (INBOX#…): no update, no delete, no case', () => {
    const writes = dynamodb()
      .flatMap((s) => asList(s.Action).map((action) => ({ action, condition: s.Condition })))
      .filter(({ action }) =>
        ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'].some((w) => action === `dynamodb:${w}`),
      );
    expect(writes).toEqual([
      {
        action: 'dynamodb:PutItem',
        condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['INBOX#*'] } },
      },
    ]);
  });

  it('puts no event on a bus itself: its events leave through the outbox', () => {
    expect(
      statements()
        .flatMap((s) => asList(s.Action))
        .filter((a) => a.startsWith('events:')),
    ).toEqual([]);
  });
});
