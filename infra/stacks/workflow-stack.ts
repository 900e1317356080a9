import { type CfnElement, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { FINAL_ERRORS } from '../../shared/domain/errors.ts';
import type { TongbanConfig } from '../config.ts';
import { ClockReminders } from '../constructs/clock-reminders.ts';
import type { DeadLetterQueue } from '../constructs/dead-letter-queue.ts';
import { DepartmentAnswers } from '../constructs/department-answers.ts';
import { DepartmentWebhooks } from '../constructs/department-webhooks.ts';
import { grantTable, type TableAccess } from '../constructs/grants.ts';
import { HandOffs } from '../constructs/hand-offs.ts';
import { acknowledge } from '../constructs/nag.ts';
import { Notifications } from '../constructs/notifications.ts';
import { PlatformLogGroup } from '../constructs/platform-logs.ts';
import { ServiceFunction } from '../constructs/service-function.ts';

export interface WorkflowStackProps extends StackProps {
  config: TongbanConfig;
  cases: TableAccess;
  matters: TableAccess;
  hubBus: events.IEventBus;
  regionBuses: ReadonlyMap<string, events.IEventBus>;
}

/**
 * The approval workflow (Step Functions Standard): pre-check (accept, or the one-time notice and a wait for the
 * supplement), one human review task per process step with its share of the case's promised time as its
 * timeout (escalated to the supervisor when it runs out, then waiting again), the decision — or a return for correction, which
 * waits for the supplement like the pre-check's notice and then resumes the review — and conclusion.
 */
export class WorkflowStack extends Stack {
  readonly approvalStateMachine: sfn.StateMachine;
  readonly reminders: ClockReminders;
  /** Where case events that could not become an applicant's message end up (alarmed). */
  readonly notificationsDlq: DeadLetterQueue;
  readonly handOffs: HandOffs;
  readonly departmentAnswers: DepartmentAnswers;
  readonly webhooks?: DepartmentWebhooks;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const environment = {
      CASES_TABLE: props.cases.table.tableName,
      MATTERS_TABLE: props.matters.table.tableName,
    };
    const fn = (name: string, description: string) => {
      const f = new ServiceFunction(this, `${name}Function`, {
        entry: `workflow/${kebab(name)}.ts`,
        description,
        environment,
      });
      grantTable(f, props.cases, 'readwrite');
      grantTable(f, props.matters, 'read');
      return f;
    };
    const functions = {
      precheck: fn(
        'Precheck',
        'Pre-checks a case: accepts it, or issues the one-time notice of what is missing',
      ),
      prepareReview: fn('PrepareReview', "Finds the case's next review step and how long it may take"),
      reviewTask: fn(
        'ReviewTask',
        'Opens a review task for a department and keeps its task token server-side',
      ),
      escalate: fn('Escalate', 'Escalates a review task that ran out of time to the supervisor'),
      recordDecision: fn('RecordDecision', "Applies a reviewer's decision to the case"),
      conclude: fn('Conclude', 'Issues the decision and concludes the case'),
      awaitSupplement: fn('AwaitSupplement', "Keeps the token of a wait for the applicant's supplement"),
      stall: fn('Stall', 'Marks a case whose workflow step failed for good, for its supervisors to resume'),
    };

    const invoke = (id: string, lambdaFunction: ServiceFunction, resultPath: string) =>
      new tasks.LambdaInvoke(this, id, {
        lambdaFunction,
        resultSelector: { 'result.$': '$.Payload' },
        resultPath,
      });
    const callback = (
      id: string,
      lambdaFunction: ServiceFunction,
      payload: Record<string, unknown>,
      options: object,
    ) =>
      new tasks.LambdaInvoke(this, id, {
        lambdaFunction,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({ taskToken: sfn.JsonPath.taskToken, ...payload }),
        ...options,
      });

    const precheck = invoke('Precheck', functions.precheck, '$.precheck');
    const prepareReview = invoke('PrepareReview', functions.prepareReview, '$.review');
    const awaitSupplement = callback(
      'AwaitSupplement',
      functions.awaitSupplement,
      { 'caseId.$': '$.caseId' },
      {
        comment: "Waits for the applicant's supplement (补正); the API resumes it",
        resultPath: '$.supplement',
      },
    );
    const review = callback(
      'Review',
      functions.reviewTask,
      { 'caseId.$': '$.caseId', 'review.$': '$.review.result', 'escalated.$': '$.escalation.escalated' },
      {
        comment: 'A reviewer of the handling department decides; the task token never leaves the server',
        // Seconds until the task is escalated (prepare-review.ts): the end of its deadline's day, or one step
        // period on for a case already overdue. No heartbeat: nothing beats it, so it would escalate every task
        // after 7 days whatever its deadline, and an overdue case every week.
        taskTimeout: sfn.Timeout.at('$.review.result.timeoutSeconds'),
        resultPath: '$.decision',
      },
    );
    const escalation = new tasks.LambdaInvoke(this, 'EscalateReview', {
      lambdaFunction: functions.escalate,
      resultSelector: { escalated: true },
      resultPath: '$.escalation',
    });
    review.addCatch(escalation, {
      errors: ['States.Timeout', 'States.HeartbeatTimeout'],
      resultPath: '$.timeout',
    });
    escalation.next(prepareReview);
    awaitSupplement.next(precheck);

    // No case silently stuck: a step that keeps failing (after its retries) marks the case stalled, listed for
    // its supervisors, who resume it once the cause is fixed; the execution then fails, which is alarmed too.
    const stalled = new tasks.LambdaInvoke(this, 'MarkStalled', {
      lambdaFunction: functions.stall,
      payload: sfn.TaskInput.fromObject({
        'caseId.$': '$.caseId',
        'state.$': '$.failedState',
        'failure.$': '$.failure',
      }),
      resultPath: sfn.JsonPath.DISCARD,
    }).next(
      new sfn.Fail(this, 'Stalled', {
        error: 'Case.Stalled',
        cause: 'A workflow step failed for good; the case waits for its supervisors to resume it',
      }),
    );
    const failsTo = (state: tasks.LambdaInvoke) => {
      // A step's own error (a write lost to a concurrent change, a throttled table) is worth a few tries; input it
      // cannot take is not (shared/adapters/event-handler.ts), and States.TaskFailed would match it too: the first
      // retrier that matches is the one applied, so this one, which never retries, comes first.
      state.addRetry({ errors: [...FINAL_ERRORS], maxAttempts: 0 });
      state.addRetry({
        errors: ['States.TaskFailed'],
        interval: Duration.seconds(2),
        maxAttempts: 4,
        backoffRate: 2,
      });
      state.addCatch(
        new sfn.Pass(this, `${state.id}Failed`, {
          parameters: { 'caseId.$': '$.caseId', failedState: state.id, 'failure.$': '$.failure' },
        }).next(stalled),
        { errors: ['States.ALL'], resultPath: '$.failure' },
      );
    };
    const conclude = invoke('Conclude', functions.conclude, '$.conclusion');
    const recordDecision = invoke('RecordDecision', functions.recordDecision, '$.recorded');
    // The callback states wait on people, and nothing sends them a task failure: an error there is the Lambda
    // that opens the wait failing (a throttled table), which is retried like any step. Opening is idempotent: a
    // retried review expires the task the failed attempt may have left, a retried wait overwrites the token.
    const steps = [precheck, prepareReview, escalation, conclude, recordDecision, awaitSupplement, review];
    for (const state of steps) failsTo(state);

    const definition = new sfn.Pass(this, 'Start', {
      parameters: { 'caseId.$': '$.caseId', escalation: { escalated: false } },
    })
      .next(precheck)
      .next(
        new sfn.Choice(this, 'Accepted?')
          .when(sfn.Condition.stringEquals('$.precheck.result.outcome', 'correction'), awaitSupplement)
          .otherwise(
            prepareReview.next(
              new sfn.Choice(this, 'Decided?')
                .when(
                  sfn.Condition.booleanEquals('$.review.result.done', true),
                  conclude.next(new sfn.Succeed(this, 'Concluded')),
                )
                .otherwise(
                  review.next(
                    recordDecision.next(
                      new sfn.Choice(this, 'Returned?')
                        .when(
                          sfn.Condition.stringEquals('$.recorded.result.status', 'correction-requested'),
                          awaitSupplement,
                        )
                        .otherwise(prepareReview),
                    ),
                  ),
                ),
            ),
          ),
      );

    this.approvalStateMachine = new sfn.StateMachine(this, 'ApprovalStateMachine', {
      stateMachineName: `tongban-${props.config.stage}-approval`,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        destination: new PlatformLogGroup(this, 'ApprovalLogs'),
        level: sfn.LogLevel.ALL,
        // Execution data carries personal data; the cases table is the record of what happened.
        includeExecutionData: false,
      },
    });
    this.reminders = new ClockReminders(this, 'ClockReminders', {
      stage: props.config.stage,
      hubBus: props.hubBus,
      cases: props.cases,
      matters: props.matters,
      approvalStateMachine: this.approvalStateMachine,
    });
    this.notificationsDlq = new Notifications(this, 'Notifications', {
      hubBus: props.hubBus,
      cases: props.cases,
    }).deadLetterQueue;
    this.handOffs = new HandOffs(this, 'HandOffs', {
      hubBus: props.hubBus,
      regionBuses: props.regionBuses,
      cases: props.cases,
    });
    this.departmentAnswers = new DepartmentAnswers(this, 'DepartmentAnswers', {
      regionBuses: props.regionBuses,
      cases: props.cases,
      approvalStateMachine: this.approvalStateMachine,
    });
    if (props.config.webhooks.length > 0) {
      this.webhooks = new DepartmentWebhooks(this, 'Webhooks', {
        webhooks: props.config.webhooks,
        regionBuses: props.regionBuses,
      });
    }
    const invokeVersions = Object.values(functions).map((f) => ({
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
