import { SecretValue } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { WebhookConfig } from '../config.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';

export interface DepartmentWebhooksProps {
  webhooks: readonly WebhookConfig[];
  regionBuses: ReadonlyMap<string, events.IEventBus>;
}

/**
 * Departments that prefer webhooks to rules of their own: for each, a connection (an API key from Secrets
 * Manager, sent as a header), an API destination (their HTTPS endpoint, rate-limited) and a rule on their
 * region's bus that POSTs them the `Review Requested` events of their department. They answer with an event or
 * through the API, as everyone does.
 */
export class DepartmentWebhooks extends Construct {
  readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: DepartmentWebhooksProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      description: 'the dead-letter queue of webhooks',
    });
    for (const hook of props.webhooks) {
      const name = `${hook.department}-${hook.region}`;
      const connection = new events.Connection(this, `Connection-${name}`, {
        description: `Webhook of ${hook.department} in ${hook.region}`,
        authorization: events.Authorization.apiKey(
          hook.header ?? 'x-api-key',
          SecretValue.secretsManager(hook.secretName),
        ),
      });
      const destination = new events.ApiDestination(this, `Destination-${name}`, {
        connection,
        endpoint: hook.endpoint,
        httpMethod: events.HttpMethod.POST,
        // A department's system is not built for the province's peaks: EventBridge holds the rest back.
        rateLimitPerSecond: 10,
        description: `Review requests for ${hook.department} in ${hook.region}`,
      });
      const bus = props.regionBuses.get(hook.region);
      if (!bus) throw new Error(`tongban:webhooks: no bus for region ${hook.region}`);
      new events.Rule(this, `Requests-${name}`, {
        eventBus: bus,
        description: `Review requests of ${hook.department} to its webhook`,
        eventPattern: {
          source: ['tongban.cases'],
          detailType: ['Review Requested'],
          detail: { department: [hook.department] },
        },
        targets: [
          new targets.ApiDestination(destination, {
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: 8,
          }),
        ],
      });
    }
  }
}
