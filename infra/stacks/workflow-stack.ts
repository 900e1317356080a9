import { type CfnElement, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { grantTable, type TableAccess } from '../constructs/grants.ts';
import { acknowledge } from '../constructs/nag.ts';
import { ServiceFunction } from '../constructs/service-function.ts';

export interface WorkflowStackProps extends StackProps {
  config: TongbanConfig;
  cases: TableAccess;
}

/** The approval workflow (Step Functions Standard): pre-check, human review with a legal deadline, decision. */
export class WorkflowStack extends Stack {
  readonly approvalStateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const environment = { CASES_TABLE: props.cases.table.tableName };
    const fn = (name: string, description: string) =>
      new ServiceFunction(this, `${name}Function`, {
        entry: `workflow/${kebab(name)}.ts`,
        description,
        environment,
      });

    const precheck = fn(
      'Precheck',
      'Compares the materials of a case with its matter and reports what is missing',
    );
    const reviewTask = fn(
      'ReviewTask',
      'Opens a review task for a department and keeps its task token server-side',
    );
    const escalate = fn('Escalate', 'Escalates a review task that ran out of time to the supervisor');
    const conclude = fn('Conclude', 'Records the decision on a case and concludes it');
    grantTable(precheck, props.cases, 'read');
    for (const writer of [reviewTask, escalate, conclude]) grantTable(writer, props.cases, 'readwrite');

    const invoke = (id: string, lambdaFunction: ServiceFunction, resultPath: string) =>
      new tasks.LambdaInvoke(this, id, {
        lambdaFunction,
        resultSelector: { 'result.$': '$.Payload' },
        resultPath,
      });

    const review = new tasks.LambdaInvoke(this, 'Review', {
      lambdaFunction: reviewTask,
      comment: 'A reviewer of the handling department decides; the task token never leaves the server',
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        taskToken: sfn.JsonPath.taskToken,
        caseId: sfn.JsonPath.stringAt('$.caseId'),
        step: sfn.JsonPath.stringAt('$.step'),
        escalated: sfn.JsonPath.objectAt('$.escalation'),
      }),
      // 20 working days (行政许可法 Art. 42) is about 28 calendar days; issue-specific limits come per step.
      taskTimeout: sfn.Timeout.duration(Duration.days(28)),
      heartbeatTimeout: sfn.Timeout.duration(Duration.days(7)),
      resultPath: '$.decision',
    });
    const escalation = invoke('EscalateReview', escalate, '$.escalation');
    review.addCatch(escalation, {
      errors: ['States.Timeout', 'States.HeartbeatTimeout'],
      resultPath: '$.timeout',
    });
    escalation.next(review);

    const definition = new sfn.Pass(this, 'Start', {
      parameters: { 'caseId.$': '$.caseId', step: 'review', escalation: {} },
    })
      .next(invoke('Precheck', precheck, '$.precheck'))
      .next(review)
      .next(invoke('Conclude', conclude, '$.conclusion'))
      .next(new sfn.Succeed(this, 'Concluded'));

    this.approvalStateMachine = new sfn.StateMachine(this, 'ApprovalStateMachine', {
      stateMachineName: `tongban-${props.config.stage}-approval`,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'ApprovalLogs', {
          retention: logs.RetentionDays.ONE_YEAR,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: sfn.LogLevel.ALL,
        // Execution data carries personal data; the cases table is the record of what happened.
        includeExecutionData: false,
      },
    });
    const invokeVersions = [precheck, reviewTask, escalate, conclude].map((f) => ({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(f.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Step Functions invokes the workflow functions by qualified ARN (<arn>:*), as CDK grants it.',
    }));
    acknowledge(this.approvalStateMachine, [
      ...invokeVersions,
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray and CloudWatch Logs delivery (log-delivery APIs) have no resource-level permissions.',
      },
    ]);
  }
}

function kebab(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
