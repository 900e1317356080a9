import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNDELIVERABLE } from '../aws/queues.ts';
import type { LocalEngines } from '../engines.ts';
import {
  type BusTargetDispatcher,
  type DeadLetterRecord,
  type LocalRule,
  type LocalRuleTarget,
  TargetDeliveryError,
} from '../eventbridge/buses.ts';

type Kind = 'lambda' | 'bus' | 'states' | 'sqs' | 'archive';

function kindOf(arn: string): Kind | undefined {
  if (/^arn:[^:]+:lambda:/.test(arn)) return 'lambda';
  if (/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//.test(arn)) return 'bus';
  if (/^arn:[^:]+:events:[^:]*:[^:]*:archive\//.test(arn)) return 'archive';
  if (/^arn:[^:]+:states:[^:]*:[^:]*:stateMachine:/.test(arn)) return 'states';
  if (/^arn:[^:]+:sqs:/.test(arn)) return 'sqs';
  return undefined;
}

/** Delivers what EventBridge rules match to their targets: functions, buses, state machines, queues, archives. */
export class TargetDispatcher implements BusTargetDispatcher {
  constructor(
    private readonly platform: LocalEngines,
    private readonly archiveDir: string,
  ) {}

  /** Stops local mode at start for a target it could not deliver to. */
  check(rules: LocalRule[]): void {
    for (const rule of rules) {
      for (const target of rule.targets) {
        if (!kindOf(target.arn)) {
          throw new Error(
            `Local mode cannot deliver to target ${target.id} (${target.arn}) of rule ${rule.name}`,
          );
        }
      }
    }
  }

  async deliver(targetArn: string, input: string, _target: LocalRuleTarget): Promise<void> {
    const p = this.platform;
    switch (kindOf(targetArn)) {
      case 'lambda': {
        // Lambda accepts an asynchronous invocation and runs it; a failure is retried like a failed delivery. A
        // difference local mode keeps knowingly (README): on AWS, Lambda retries a failing handler itself, as the
        // function's EventInvokeConfig says, and then sends the event to its on-failure queue, not the rule's DLQ.
        const result = await p.functions.invoke(targetArn, JSON.parse(input));
        if (!result.ok)
          throw new TargetDeliveryError(result.error.errorMessage, result.error.errorType, true);
        return;
      }
      case 'bus': {
        const event = JSON.parse(input);
        const result = p.eventBridge.putEvents([
          {
            EventBusName: targetArn,
            Source: event.source,
            DetailType: event['detail-type'],
            Detail: JSON.stringify(event.detail),
            Resources: event.resources,
            Time: event.time,
          },
        ]);
        if (result.FailedEntryCount) {
          const entry = result.Entries[0] as { ErrorCode: string; ErrorMessage: string };
          throw new TargetDeliveryError(entry.ErrorMessage, entry.ErrorCode, true);
        }
        return;
      }
      case 'states':
        await p.stepFunctions.startExecution({ stateMachineArn: targetArn, input });
        return;
      case 'sqs':
        p.queues.send(targetArn, input);
        return;
      case 'archive':
        appendFileSync(join(this.archiveDir, `${targetArn.split('/').pop()}.jsonl`), `${input}\n`);
        return;
      default:
        throw new TargetDeliveryError(`no local delivery to ${targetArn}`, 'UnsupportedTarget', false);
    }
  }

  deadLetter(arn: string | undefined, record: DeadLetterRecord): void {
    if (arn && this.platform.queues.has(arn)) {
      this.platform.queues.send(arn, record.body, record.messageAttributes);
      return;
    }
    // No dead-letter queue: AWS would drop the event. Local mode keeps it where it can be seen.
    this.platform.queues.send(UNDELIVERABLE, record.body, record.messageAttributes);
  }
}
