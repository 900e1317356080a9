import { randomUUID } from 'node:crypto';
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { LoggedEvent, RecordingEventBridge } from '../eventbridge/event-log.ts';
import { matchesEventPattern } from '../eventbridge/pattern.ts';
import { type ReviewRequest, ruleFor, type SimulatorRule } from './rules.ts';

/** What a department system subscribes to on its region's bus (events/README.md has the same pattern). */
const REVIEW_REQUESTS = { source: ['tongban.cases'], 'detail-type': ['Review Requested'] };

/**
 * Department systems for local mode (`npm start -- --simulate-departments`): they listen for review requests
 * on the region buses, as a department's rule would deliver them, and answer each task once with a `Review
 * Decision Submitted` event put on that bus through the EventBridge API — the path a real system takes, so
 * the platform's answer handling is exercised exactly as in production. A demo then runs hands-off.
 */
export class DepartmentSimulator {
  readonly #answered = new Set<string>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #unsubscribe?: () => void;

  constructor(
    private readonly options: {
      bridge: RecordingEventBridge;
      /** An EventBridge client of the local AWS endpoint, as a department system would hold one. */
      client: EventBridgeClient;
      rules: readonly SimulatorRule[];
      hubBus: string;
      log: (line: string) => void;
      /** The platform's now: a department's decision is stamped in the platform's time, like the case it is on. */
      now?: () => Date;
    },
  ) {}

  start(): void {
    this.#unsubscribe = this.options.bridge.subscribe((event) => this.#heard(event));
  }

  stop(): void {
    this.#unsubscribe?.();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #heard(logged: LoggedEvent): void {
    // Departments listen on their region's bus, not on the hub.
    if (logged.bus === this.options.hubBus) return;
    const event = { source: logged.source, 'detail-type': logged.detailType, detail: logged.detail };
    if (!matchesEventPattern(REVIEW_REQUESTS, event)) return;
    const request = logged.detail as ReviewRequest;
    // A task routed to two buses (received in one region, handled in another) is answered once, by the handler.
    if (logged.bus.split('-').pop() !== request.handlingRegion || this.#answered.has(request.taskId)) return;
    const rule = ruleFor(this.options.rules, request);
    if (!rule) return;
    this.#answered.add(request.taskId);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#answer(logged.bus, request, rule).catch((error: Error) =>
        this.options.log(`department simulator: could not answer task ${request.taskId}: ${error.message}`),
      );
    }, rule.delaySeconds * 1000);
    this.#timers.add(timer);
  }

  async #answer(bus: string, request: ReviewRequest, rule: SimulatorRule): Promise<void> {
    const detail = {
      schemaVersion: '1.0',
      idempotencyKey: `simulator-${request.taskId}`,
      taskId: request.taskId,
      caseId: request.caseId,
      department: request.department,
      region: request.handlingRegion,
      outcome: rule.outcome,
      ...(rule.reason ? { reason: rule.reason } : {}),
      reviewer: { id: `simulator-${randomUUID().slice(0, 8)}`, name: '模拟审查员' },
      decidedAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
    await this.options.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: bus,
            Source: 'tongban.departments',
            DetailType: 'Review Decision Submitted',
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    this.options.log(
      `department simulator: ${request.department} ${rule.outcome} task ${request.taskId} (${request.step})`,
    );
  }
}
