import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { caseRegions, type TongbanConfig } from '../config.ts';
import { DeadLetterQueue, deadLetterKey } from '../constructs/dead-letter-queue.ts';
import { acknowledge } from '../constructs/nag.ts';
import { ServiceFunction } from '../constructs/service-function.ts';

export interface EventsStackProps extends StackProps {
  config: TongbanConfig;
  casesTable: dynamodb.ITable;
  mattersTable: dynamodb.ITable;
}

/**
 * The provincial hub bus and one bus per region that handles or receives cases — the province's own, each
 * city's and each special zone's. Case changes reach the hub from the cases table's stream (the outbox); rules
 * route each case event to the bus of its handling region, and of the region that received it when that is
 * another. The match is on the exact code, so the province's bus carries provincial-level cases only, not
 * every city's.
 */
export class EventsStack extends Stack {
  readonly hubBus: events.EventBus;
  readonly regionBuses: Map<string, events.EventBus>;
  readonly deadLetterQueues: DeadLetterQueue[] = [];
  /** Reads the tables' streams (the outbox) and puts their events on the hub. */
  readonly outboxPublisher: ServiceFunction;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    const { stage } = props.config;

    // EventBridge and Lambda must be able to use the key to write to encrypted dead-letter queues.
    const key = deadLetterKey(this, 'EventsKey', 'dead-letter queues of event routing and the outbox');

    this.hubBus = new events.EventBus(this, 'HubBus', { eventBusName: `tongban-${stage}-hub` });
    this.hubBus.archive('HubArchive', {
      archiveName: `tongban-${stage}-hub`,
      description: 'Every event on the hub, for audit and replay',
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(365),
    });

    const routingDlq = this.dlq('RoutingDlq', key);
    this.regionBuses = new Map();
    for (const region of caseRegions(props.config)) {
      const bus = new events.EventBus(this, `RegionBus${region.code}`, {
        eventBusName: `tongban-${stage}-${region.code}`,
        description: `${region.name} (${region.nameEn})`,
      });
      this.regionBuses.set(region.code, bus);
      new events.Rule(this, `RouteTo${region.code}`, {
        eventBus: this.hubBus,
        description: `Case events handled in ${region.nameEn} go to its bus (全省通办)`,
        eventPattern: { source: events.Match.prefix('tongban.'), detail: { handlingRegion: [region.code] } },
        targets: [new targets.EventBus(bus, { deadLetterQueue: routingDlq })],
      });
      // 异地代收代办: the region that received the application follows it too — once, when it is not also
      // the handling region (that rule delivers it already).
      new events.Rule(this, `RouteReceivedIn${region.code}`, {
        eventBus: this.hubBus,
        description: `Case events received in ${region.nameEn} and handled elsewhere go to its bus too (跨域通办)`,
        eventPattern: {
          source: events.Match.prefix('tongban.'),
          detail: { receivingRegion: [region.code], handlingRegion: events.Match.anythingBut(region.code) },
        },
        targets: [new targets.EventBus(bus, { deadLetterQueue: routingDlq })],
      });
    }

    const publisher = new ServiceFunction(this, 'OutboxPublisher', {
      entry: 'events/outbox-publisher.ts',
      description: 'Publishes outbox records from the cases table stream to the hub bus',
      environment: { HUB_BUS_NAME: this.hubBus.eventBusName },
      timeout: Duration.seconds(30),
    });
    this.hubBus.grantPutEventsTo(publisher);
    this.outboxPublisher = publisher;
    const onFailure = new SqsDlq(this.dlq('OutboxDlq', key));
    // The same outbox on both tables: case changes and published catalog versions.
    for (const table of [props.casesTable, props.mattersTable]) {
      publisher.addEventSource(
        new DynamoEventSource(table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: 10,
          onFailure,
          filters: [
            lambda.FilterCriteria.filter({
              eventName: lambda.FilterRule.isEqual('INSERT'),
              dynamodb: { NewImage: { outbox: { M: { detailType: { S: lambda.FilterRule.exists() } } } } },
            }),
          ],
        }),
      );
    }
    acknowledge(publisher, [
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: 'Writing failed batches to the encrypted on-failure queue; scoped to the events key alone.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason: 'Writing failed batches to the encrypted on-failure queue; scoped to the events key alone.',
      },
    ]);
  }

  private dlq(id: string, key: kms.IKey): DeadLetterQueue {
    const queue = new DeadLetterQueue(this, id, { key });
    this.deadLetterQueues.push(queue);
    return queue;
  }
}
