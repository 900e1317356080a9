import { RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { DeadLetterQueue, FailedInvocationsQueue } from './dead-letter-queue.ts';
import { grantTable, type TableAccess } from './grants.ts';
import { ServiceFunction } from './service-function.ts';

export interface HandOffsProps {
  hubBus: events.IEventBus;
  regionBuses: ReadonlyMap<string, events.IEventBus>;
  cases: TableAccess;
}

/**
 * Hand-offs between regions (异地代收代办) with signed receipts: one function, fed by the hub (a case submitted
 * for another region's matter, or concluded and owed back) and by each region's bus (a hand-off sent to that
 * region, which it signs for). Receipts are HMACs under a KMS key of their own.
 */
export class HandOffs extends Construct {
  readonly deadLetterQueue: DeadLetterQueue;
  /** Where the hand-offs the function still fails after Lambda's retries end up. */
  readonly failedInvocations: FailedInvocationsQueue;
  readonly receiptKey: kms.Key;

  constructor(scope: Construct, id: string, props: HandOffsProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      description: 'the dead-letter queue of hand-offs',
    });
    // KMS rotates no HMAC key; a receipt names the key it was signed with, so a successor can be added. A
    // multi-Region key, so that a second region verifies the receipts the first one signed.
    this.receiptKey = new kms.Key(this, 'ReceiptKeyMultiRegion', {
      description: 'tongban: signs the receipts of hand-offs between regions (HMAC-SHA-256)',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      multiRegion: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const fn = new ServiceFunction(this, 'HandOff', {
      entry: 'routing/hand-off.ts',
      description: 'Notes hand-offs between regions and signs their receipts',
      environment: { CASES_TABLE: props.cases.table.tableName, RECEIPT_KEY_ID: this.receiptKey.keyArn },
    });
    grantTable(fn, props.cases, 'readwrite');
    this.failedInvocations = new FailedInvocationsQueue(this, 'Failures', {
      description: 'the hand-offs that failed',
    }).catchFailuresOf(fn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['kms:GenerateMac'], resources: [this.receiptKey.keyArn] }),
    );

    const target = new targets.LambdaFunction(fn, {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 8,
    });
    new events.Rule(this, 'OnCaseReceivedOrConcluded', {
      eventBus: props.hubBus,
      description: 'A case submitted or concluded may owe a hand-off to another region',
      eventPattern: { source: ['tongban.cases'], detailType: ['Case Submitted', 'Case Concluded'] },
      targets: [target],
    });
    for (const [code, bus] of props.regionBuses) {
      new events.Rule(this, `Receive${code}`, {
        eventBus: bus,
        description: `Signs for hand-offs sent to ${code}`,
        eventPattern: {
          source: ['tongban.routing'],
          detailType: ['Hand-off Sent'],
          detail: { handoff: { toRegion: [code] } },
        },
        targets: [target],
      });
    }
  }
}
