import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsError } from '../aws/endpoint.ts';
import type { EventBridgeEvent, LocalEventBridge } from './buses.ts';

interface ReplayRecord {
  ReplayName: string;
  ReplayArn: string;
  EventSourceArn: string;
  Destination: { Arn: string; FilterArns?: string[] };
  EventStartTime: string;
  EventEndTime: string;
  State: 'COMPLETED' | 'FAILED';
  StateReason?: string;
  ReplayStartTime: string;
  ReplayEndTime: string;
}

/**
 * EventBridge replays for local mode: StartReplay reads the archive (the JSON lines local mode appends to)
 * and delivers the events whose time falls in [EventStartTime, EventEndTime) to the destination bus's rules
 * at once; DescribeReplay answers what happened. Enough to prove consumers idempotent, as on AWS.
 */
export class LocalReplays {
  readonly #replays = new Map<string, ReplayRecord>();

  constructor(
    private readonly eventBridge: LocalEventBridge,
    private readonly archiveDir: string,
    private readonly arnOf: (name: string) => string,
  ) {}

  start(input: {
    ReplayName?: string;
    EventSourceArn?: string;
    EventStartTime?: string | number;
    EventEndTime?: string | number;
    Destination?: { Arn?: string; FilterArns?: string[] };
  }) {
    const name = String(input.ReplayName ?? '');
    if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw validation('ReplayName is not valid.');
    if (this.#replays.has(name))
      throw awsError('ResourceAlreadyExistsException', `Replay ${name} already exists.`);
    const archive =
      String(input.EventSourceArn ?? '')
        .split('/')
        .pop() ?? '';
    const file = join(this.archiveDir, `${archive}.jsonl`);
    if (!archive || !existsSync(file)) {
      throw awsError('ResourceNotFoundException', `Archive ${archive} does not exist.`);
    }
    const [from, to] = [instant(input.EventStartTime), instant(input.EventEndTime)];
    if (!(from < to)) throw validation('EventStartTime must be before EventEndTime.');
    const destination = String(input.Destination?.Arn ?? '');
    const events = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as EventBridgeEvent)
      .filter((e) => Date.parse(e.time) >= from && Date.parse(e.time) < to);
    const started = new Date().toISOString();
    this.eventBridge.replay(destination, events, name, input.Destination?.FilterArns);
    const record: ReplayRecord = {
      ReplayName: name,
      ReplayArn: this.arnOf(name),
      EventSourceArn: String(input.EventSourceArn),
      Destination: {
        Arn: destination,
        ...(input.Destination?.FilterArns ? { FilterArns: input.Destination.FilterArns } : {}),
      },
      EventStartTime: new Date(from).toISOString(),
      EventEndTime: new Date(to).toISOString(),
      State: 'COMPLETED',
      ReplayStartTime: started,
      ReplayEndTime: new Date().toISOString(),
    };
    this.#replays.set(name, record);
    return { ReplayArn: record.ReplayArn, State: 'STARTING', ReplayStartTime: toSeconds(started) };
  }

  describe(input: { ReplayName?: string }) {
    const record = this.#replays.get(String(input.ReplayName));
    if (!record) throw awsError('ResourceNotFoundException', `Replay ${input.ReplayName} does not exist.`);
    return {
      ...record,
      EventStartTime: toSeconds(record.EventStartTime),
      EventEndTime: toSeconds(record.EventEndTime),
      ReplayStartTime: toSeconds(record.ReplayStartTime),
      ReplayEndTime: toSeconds(record.ReplayEndTime),
    };
  }
}

// The JSON protocol sends timestamps as epoch seconds.
const instant = (value: string | number | undefined) =>
  typeof value === 'number' ? value * 1000 : Date.parse(String(value));
const toSeconds = (iso: string) => Date.parse(iso) / 1000;
const validation = (message: string) => awsError('ValidationException', message);
