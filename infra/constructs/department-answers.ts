import type * as events from 'aws-cdk-lib/aws-events';
import * as eventsRules from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEPARTMENTS } from '../../events/departments.ts';
import { REGULATORS } from '../../events/regulators.ts';
import { DeadLetterQueue, FailedInvocationsQueue } from './dead-letter-queue.ts';
import { grantTable, type TableAccess } from './grants.ts';
import { ServiceFunction } from './service-function.ts';

export interface DepartmentAnswersProps {
  regionBuses: ReadonlyMap<string, events.IEventBus>;
  cases: TableAccess;
  approvalStateMachine: sfn.IStateMachine;
}

/**
 * Department systems answer review tasks, and regulators send supervision records (审管协同), with events on
 * their region's bus: one function matches each answer to its open task, another keeps each record with the
 * licence holder. What changes nothing goes to the rejected-answers queue with its reason (and to the
 * administrators' list); deliveries that fail go to the dead-letter queue.
 */
export class DepartmentAnswers extends Construct {
  readonly deadLetterQueue: DeadLetterQueue;
  readonly rejectedAnswers: DeadLetterQueue;
  /** Where the answers and records the functions still fail after Lambda's retries end up. */
  readonly failedInvocations: FailedInvocationsQueue;

  constructor(scope: Construct, id: string, props: DepartmentAnswersProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      description: 'the dead-letter queue of department answers',
    });
    this.rejectedAnswers = new DeadLetterQueue(this, 'RejectedAnswers', {
      description: 'answers of department systems that were invalid or matched no open task',
    });
    const environment = {
      CASES_TABLE: props.cases.table.tableName,
      REJECTED_ANSWERS_QUEUE_URL: this.rejectedAnswers.queueUrl,
    };
    const answer = new ServiceFunction(this, 'Answer', {
      entry: 'integrations/answer.ts',
      description: "Matches a department system's answer to its open review task, or records why not",
      environment,
    });
    props.approvalStateMachine.grantTaskResponse(answer);
    const supervision = new ServiceFunction(this, 'Supervision', {
      entry: 'integrations/supervision.ts',
      description: "Keeps a regulator's supervision record with the licence holder (审管协同)",
      environment,
    });
    for (const fn of [answer, supervision]) {
      grantTable(fn, props.cases, 'readwrite');
      this.grantRejecting(fn);
    }
    this.failedInvocations = new FailedInvocationsQueue(this, 'Failures', {
      description: 'the department answers and supervision records that failed',
    }).catchFailuresOf(answer, supervision);

    const target = (fn: ServiceFunction) =>
      new targets.LambdaFunction(fn, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8 });
    for (const [code, bus] of props.regionBuses) {
      new eventsRules.Rule(this, `Answers${code}`, {
        eventBus: bus,
        description: `Answers of department systems of ${code} to review tasks`,
        eventPattern: { source: [DEPARTMENTS], detailType: ['Review Decision Submitted'] },
        targets: [target(answer)],
      });
      new eventsRules.Rule(this, `Supervision${code}`, {
        eventBus: bus,
        description: `Supervision records of the regulators of ${code}`,
        eventPattern: { source: [REGULATORS], detailType: ['Supervision Recorded'] },
        targets: [target(supervision)],
      });
    }
  }

  // Named actions rather than grantSendMessages, whose key grant comes with wildcards (GenerateDataKey*).
  private grantRejecting(fn: ServiceFunction): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.rejectedAnswers.queueArn] }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.rejectedAnswers.encryptionMasterKey!.keyArn],
      }),
    );
  }
}
