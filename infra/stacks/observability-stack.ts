import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
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
}

/** A dashboard of the platform's health and alarms that page DevOps through an encrypted SNS topic. */
export class ObservabilityStack extends Stack {
  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'AlarmsKey', {
      description: 'tongban: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new sns.Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (props.config.alarmEmail)
      topic.addSubscription(new subscriptions.EmailSubscription(props.config.alarmEmail));

    const api = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId },
        statistic,
        period: Duration.minutes(1),
      });
    const api5xx = api('5xx', 'Sum');
    const latency = api('Latency', 'p95');
    const lambdaErrors = new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      statistic: 'Sum',
      period: Duration.minutes(1),
    });
    const failedExecutions = props.approvalStateMachine.metricFailed({ period: Duration.minutes(5) });
    // Published by the functions with Powertools Metrics (EMF), namespace tongban.
    const tongban = (service: string, metricName: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: 'tongban',
        metricName,
        dimensionsMap: { service },
        statistic: 'Maximum',
        period,
      });
    const stalledCases = tongban('workflow', 'CaseStalled', Duration.minutes(5));
    const nextYearMissing = tongban('calendar', 'NextYearScheduleMissing', Duration.days(1));
    const dlqDepth = props.deadLetterQueues.map((q) =>
      q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    );

    const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new actions.SnsAction(topic));
      return a;
    };
    alarm('Api5xx', api5xx, 5, 'The API answered 5 or more 5xx in a minute: a user saw a server error.');
    alarm('ApprovalFailures', failedExecutions, 1, 'An approval workflow execution failed.');
    alarm(
      'StalledCases',
      stalledCases,
      1,
      'A workflow step failed for good: a case waits for its supervisors to resume it (GET /api/staff/stalled).',
    );
    alarm(
      'NextYearSchedule',
      nextYearMissing,
      1,
      'The next year starts within 60 days and its holiday schedule is not loaded: load it (PUT /api/calendar/years/{year}).',
    );
    dlqDepth.forEach((metric, i) => {
      alarm(
        `DeadLetters${i}`,
        metric,
        1,
        'An event could not be delivered and waits in a dead-letter queue.',
      );
    });

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `tongban-${props.config.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'API 5xx', left: [api5xx] }),
          new cloudwatch.GraphWidget({ title: 'API latency p95 (ms)', left: [latency] }),
          new cloudwatch.GraphWidget({ title: 'Lambda errors', left: [lambdaErrors] }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Approval executions failed', left: [failedExecutions] }),
          new cloudwatch.GraphWidget({ title: 'Dead letters waiting', left: dlqDepth }),
          new cloudwatch.GraphWidget({ title: 'Cases stalled', left: [stalledCases] }),
        ],
      ],
    });
  }
}
