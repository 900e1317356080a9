import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';

export interface ObservabilityStackProps extends StackProps {
  config: TongbanConfig;
  httpApi: apigw.IHttpApi;
  approvalStateMachine: sfn.IStateMachine;
  deadLetterQueues: sqs.IQueue[];
  /** The on-failure destinations of the functions invoked asynchronously (FailedInvocationsQueue). */
  failedInvocationQueues: sqs.IQueue[];
  /** Every function of the platform (CDK's own custom-resource handlers aside), by a readable name. */
  functions: Map<string, lambda.IFunction>;
  /** The function that reads the tables' streams (the outbox): its iterator age is how late events are. */
  outboxPublisher: lambda.IFunction;
  tables: dynamodb.ITable[];
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * A dashboard of the platform's health, and alarms that page DevOps through an encrypted SNS topic: API 5xx
 * and p99 latency, every function's errors and throttles, how far the outbox lags behind the tables, DynamoDB
 * throttling, failed and stalled workflows, every dead-letter queue and on-failure destination, the next year's
 * missing holidays. A stage other than dev does not synthesize without an address subscribed to them (config
 * validation).
 */
export class ObservabilityStack extends Stack {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'AlarmsKey', {
      description: 'tongban: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (props.config.alarmEmail)
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.config.alarmEmail));
    if (props.config.stage !== 'dev' && !props.config.alarmEmail)
      throw new Error(`stage ${props.config.stage}: its alarms must reach someone (alarmEmail)`);

    const alarm = (
      id: string,
      metric: cloudwatch.IMetric,
      threshold: number,
      description: string,
      evaluationPeriods = 1,
    ) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new actions.SnsAction(this.topic));
      return a;
    };

    const api = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId },
        statistic,
        period: Duration.minutes(1),
      });
    const api5xx = api('5xx', 'Sum');
    const latency = api('Latency', 'p99');
    alarm('Api5xx', api5xx, 5, 'The API answered 5 or more 5xx in a minute: a user saw a server error.');
    alarm(
      'ApiLatencyP99',
      latency,
      3000,
      'One request in a hundred took 3 s or more, three minutes running.',
      3,
    );

    // Per function: an error is an exception or timeout no handler turned into an answer (4xx are answers).
    for (const [name, fn] of props.functions) {
      alarm(
        `${name}Errors`,
        fn.metricErrors({ period: FIVE_MINUTES }),
        1,
        `${name} failed (error or timeout).`,
      );
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES }),
        1,
        `${name} was throttled: its concurrency (or the account's) ran out.`,
      );
    }
    const iteratorAge = props.outboxPublisher.metric('IteratorAge', {
      statistic: 'Maximum',
      period: FIVE_MINUTES,
    });
    alarm(
      'OutboxIteratorAge',
      iteratorAge,
      60_000,
      'The outbox publisher is a minute or more behind the tables: events reach departments late.',
    );
    props.tables.forEach((table, i) => {
      const throttled = new cloudwatch.MathExpression({
        expression: 'reads + writes',
        usingMetrics: {
          reads: table.metric('ReadThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES }),
          writes: table.metric('WriteThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES }),
        },
        period: FIVE_MINUTES,
      });
      alarm(`TableThrottles${i}`, throttled, 1, 'DynamoDB throttled reads or writes of a table.');
    });

    const failedExecutions = props.approvalStateMachine.metricFailed({ period: FIVE_MINUTES });
    alarm('ApprovalFailures', failedExecutions, 1, 'An approval workflow execution failed.');
    // Published by the functions with Powertools Metrics (EMF), namespace tongban.
    const tongban = (service: string, metricName: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: 'tongban',
        metricName,
        dimensionsMap: { service },
        statistic: 'Maximum',
        period,
      });
    const stalledCases = tongban('workflow', 'CaseStalled', FIVE_MINUTES);
    alarm(
      'StalledCases',
      stalledCases,
      1,
      'A workflow step failed for good: a case waits for its supervisors to resume it (GET /api/staff/stalled).',
    );
    alarm(
      'NextYearSchedule',
      tongban('calendar', 'NextYearScheduleMissing', Duration.days(1)),
      1,
      'The next year starts within 60 days and its holiday schedule is not loaded: load it (PUT /api/calendar/years/{year}).',
    );
    const dlqDepth = props.deadLetterQueues.map((q) =>
      q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
    );
    dlqDepth.forEach((metric, i) => {
      alarm(
        `DeadLetters${i}`,
        metric,
        1,
        'An event could not be delivered and waits in a dead-letter queue.',
      );
    });

    const failedInvocations = props.failedInvocationQueues.map((q) =>
      q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
    );
    failedInvocations.forEach((metric, i) => {
      alarm(
        `FailedInvocations${i}`,
        metric,
        1,
        'A function failed an event after Lambda retried it, and the event waits in its on-failure queue.',
      );
    });

    const sum = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', period: FIVE_MINUTES });
    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `tongban-${props.config.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'API 5xx', left: [api5xx] }),
          new cloudwatch.GraphWidget({ title: 'API latency p99 (ms)', left: [latency] }),
          new cloudwatch.GraphWidget({
            title: 'Lambda errors and throttles',
            left: [sum('Errors'), sum('Throttles')],
          }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Outbox iterator age (ms)', left: [iteratorAge] }),
          new cloudwatch.GraphWidget({ title: 'Approval executions failed', left: [failedExecutions] }),
          new cloudwatch.GraphWidget({
            title: 'Dead letters and failed invocations waiting',
            left: [...dlqDepth, ...failedInvocations],
          }),
          new cloudwatch.GraphWidget({ title: 'Cases stalled', left: [stalledCases] }),
        ],
      ],
    });
  }
}
