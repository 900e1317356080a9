import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { INBOX_PREFIX } from '../../shared/adapters/message-store.ts';
import { NOTIFIED_DETAIL_TYPES } from '../../shared/domain/notifications/notification.ts';
import { DeadLetterQueue, FailedInvocationsQueue } from './dead-letter-queue.ts';
import { grantTable, type TableAccess } from './grants.ts';
import { ServiceFunction } from './service-function.ts';

export interface NotificationsProps {
  hubBus: events.IEventBus;
  cases: TableAccess;
}

/**
 * Tells applicants of the changes to their cases: a rule on the hub hands each case event they should know of to
 * a function that writes the message, in zh-CN and English, to their in-app inbox. The message's own outbox
 * record puts a `Notification Requested` event on the hub, for SMS and e-mail integrations to subscribe to.
 */
export class Notifications extends Construct {
  readonly deadLetterQueue: DeadLetterQueue;
  /** Where the case events the function still fails after Lambda's retries end up. */
  readonly failedInvocations: FailedInvocationsQueue;
  readonly function: ServiceFunction;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      description: 'the dead-letter queue of applicant notifications',
    });
    const { table, key } = props.cases;
    this.function = new ServiceFunction(this, 'Notify', {
      entry: 'notifications/notify.ts',
      description: 'Writes a message to the applicant inbox for each case event they should know of',
      environment: { CASES_TABLE: table.tableName },
    });
    this.failedInvocations = new FailedInvocationsQueue(this, 'Failures', {
      description: 'the applicant notifications that failed',
    }).catchFailuresOf(this.function);
    // Reads cases; writes new items only, and only under an inbox's key: DynamoDB checks the partition key
    // of every item the function puts against INBOX#*.
    grantTable(this.function, { table, key, indexes: [] }, 'read');
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${INBOX_PREFIX}*`] } },
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:GenerateDataKey'], resources: [key.keyArn] }),
    );

    new events.Rule(this, 'OnCaseChange', {
      eventBus: props.hubBus,
      description: 'Notifies the applicant of the changes to their case they should know of',
      eventPattern: { source: ['tongban.cases'], detailType: [...NOTIFIED_DETAIL_TYPES] },
      targets: [
        new targets.LambdaFunction(this.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 8,
        }),
      ],
    });
  }
}
