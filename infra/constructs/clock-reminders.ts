import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { CALENDAR_SOURCE, YEAR_LOADED } from '../../shared/adapters/calendar-store.ts';
import { REMINDER_DUE, REMINDER_SOURCE } from '../../shared/adapters/reminder-schedules.ts';
import { DeadLetterQueue, FailedInvocationsQueue } from './dead-letter-queue.ts';
import { grantTable, type TableAccess } from './grants.ts';
import { acknowledge } from './nag.ts';
import { ServiceFunction } from './service-function.ts';

/** Case events after which a deadline may have moved, so the reminders are planned again. */
const PLAN_AFTER = [
  'Case Submitted',
  'Case Accepted',
  'Case Under Review',
  'Case Correction Requested',
  'Case Material Supplied',
  'Case Clock Paused',
  'Case Clock Resumed',
  'Case Clock Extended',
  'Case Approved',
  'Case Denied',
  'Case Concluded',
  'Case Commitment Verified',
  'Case Revoked',
  'Case Withdrawn',
  'Case Terminated',
  'Case Dates Recomputed',
];
/**
 * …and of those, the changes that can move one: not a review moving on to its next step (`next-step`), nor the
 * start of review right after acceptance, which the acceptance planned for already. A review resumed after a
 * correction does count: the correction paused the clock.
 */
const PLAN_ACTIONS = [
  'submit',
  'resubmit',
  'accept',
  'auto-accept',
  'request-correction',
  'return',
  'resume-review',
  'supply-material',
  'pause',
  'resume-clock',
  'extend',
  'approve',
  'deny',
  'conclude',
  'verify-commitment',
  'revoke',
  'withdraw',
  'terminate',
  'recompute-dates',
];

export interface ClockRemindersProps {
  stage: string;
  hubBus: events.IEventBus;
  cases: TableAccess;
  matters: TableAccess;
  approvalStateMachine: sfn.IStateMachine;
}

/**
 * The legal clock's timers (EventBridge Scheduler): a planner keeps one-time schedules per case — the end of
 * its 5 working days to be checked, of its 容缺 deadline, the days it turns amber and red — and a handler acts
 * when one comes due: it accepts an unchecked case by lapse, terminates a case whose deferred materials are
 * missing, or records the warning, which reaches departments as an event.
 */
export class ClockReminders extends Construct {
  readonly deadLetterQueue: DeadLetterQueue;
  /** Where Scheduler puts a reminder it could not deliver to the hub after its retries. */
  readonly schedulesDeadLetterQueue: DeadLetterQueue;
  /** Where the events the planner, the due reminders' handler and the calendar's functions still fail end up. */
  readonly failedInvocations: FailedInvocationsQueue;
  /** Reports `NextYearScheduleMissing` (namespace tongban, service calendar), alarmed by observability. */
  readonly calendarCheck: ServiceFunction;

  constructor(scope: Construct, id: string, props: ClockRemindersProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      description: 'the dead-letter queue of clock reminders',
    });
    const role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler put case reminders on the hub bus',
    });
    props.hubBus.grantPutEventsTo(role);
    // Scheduler delivers a reminder it gave up on to this queue with the schedule's own role.
    this.schedulesDeadLetterQueue = new DeadLetterQueue(this, 'SchedulesDlq', {
      description: 'the dead-letter queue of reminder schedules',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sqs:SendMessage'],
        resources: [this.schedulesDeadLetterQueue.queueArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.schedulesDeadLetterQueue.encryptionMasterKey!.keyArn],
      }),
    );
    const environment = {
      CASES_TABLE: props.cases.table.tableName,
      MATTERS_TABLE: props.matters.table.tableName,
      HUB_BUS_ARN: props.hubBus.eventBusArn,
      SCHEDULER_ROLE_ARN: role.roleArn,
      SCHEDULES_DLQ_ARN: this.schedulesDeadLetterQueue.queueArn,
      APPROVAL_STATE_MACHINE_ARN: props.approvalStateMachine.stateMachineArn,
    };

    const planner = new ServiceFunction(this, 'PlanReminders', {
      entry: 'clock/plan.ts',
      description:
        "Plans a case's check period (Art. 32), 容缺 deadline and amber/red reminders as one-time schedules",
      environment,
    });
    // Writes only to take a decided case off the overdue list.
    grantTable(planner, props.cases, 'readwrite');
    grantTable(planner, props.matters, 'read');
    const schedules = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: 'default/case-*',
    });
    planner.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [schedules],
      }),
    );
    role.grantPassRole(planner.grantPrincipal);
    acknowledge(planner, [
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/default/case-*]',
        reason: 'One schedule per case and reminder kind, named case-<case id>-<kind>; only those.',
      },
    ]);

    const due = new ServiceFunction(this, 'ReminderDue', {
      entry: 'clock/due.ts',
      description:
        'Accepts an unchecked case by lapse, terminates one whose deferred materials are overdue, or warns',
      environment,
    });
    grantTable(due, props.cases, 'readwrite');
    grantTable(due, props.matters, 'read');
    const executions = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `tongban-${props.stage}-approval:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    due.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['states:StopExecution'], resources: [executions] }),
    );
    acknowledge(due, [
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:tongban-${props.stage}-approval:*]`,
        reason: 'A terminated case stops its own execution, named after the case; only approval executions.',
      },
    ]);

    const target = (fn: ServiceFunction) =>
      new targets.LambdaFunction(fn, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8 });
    new events.Rule(this, 'PlanOnCaseChange', {
      eventBus: props.hubBus,
      description: "Plans a case's reminders again whenever a deadline may have moved",
      eventPattern: { source: ['tongban.cases'], detailType: PLAN_AFTER, detail: { action: PLAN_ACTIONS } },
      targets: [target(planner)],
    });
    new events.Rule(this, 'OnReminderDue', {
      eventBus: props.hubBus,
      description: 'Acts on a case reminder that came due',
      eventPattern: { source: [REMINDER_SOURCE], detailType: [REMINDER_DUE] },
      targets: [target(due)],
    });

    // A year's holiday schedule became known: the cases whose dates assumed it are computed again.
    const recompute = new ServiceFunction(this, 'RecomputeDates', {
      entry: 'clock/recompute.ts',
      description: 'Computes again the dates of every case that assumed a year whose schedule became known',
      environment,
      timeout: Duration.minutes(15),
    });
    grantTable(recompute, props.cases, 'readwrite');
    grantTable(recompute, props.matters, 'read');
    new events.Rule(this, 'OnCalendarYearLoaded', {
      eventBus: props.hubBus,
      description: 'Recomputes the provisional dates of open cases when a holiday year becomes known',
      eventPattern: { source: [CALENDAR_SOURCE], detailType: [YEAR_LOADED] },
      targets: [target(recompute)],
    });

    this.calendarCheck = new ServiceFunction(this, 'CalendarCheck', {
      entry: 'clock/calendar-check.ts',
      description: "Announces years a newer chinese-days brought; reports the next year's missing schedule",
      environment: { ...environment, HUB_BUS_NAME: props.hubBus.eventBusName },
    });
    grantTable(this.calendarCheck, props.cases, 'read');
    grantTable(this.calendarCheck, props.matters, 'read');
    props.hubBus.grantPutEventsTo(this.calendarCheck);
    new events.Rule(this, 'DailyCalendarCheck', {
      description: 'Checks the holiday calendar once a day',
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [target(this.calendarCheck)],
    });

    this.failedInvocations = new FailedInvocationsQueue(this, 'Failures', {
      description: 'the clock reminders that failed',
    }).catchFailuresOf(planner, due, recompute, this.calendarCheck);
  }
}
