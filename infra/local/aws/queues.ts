import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface QueuedMessage {
  MessageId: string;
  Body: string;
  MessageAttributes?: Record<string, unknown>;
  SentTimestamp: number;
}

/** Where events go that failed delivery and had no dead-letter queue: AWS drops them, local mode keeps them. */
export const UNDELIVERABLE = '_undeliverable';

/**
 * SQS queues as local mode needs them: every queue in the app is a dead-letter or on-failure destination, so
 * messages are appended to a file per queue and kept, never consumed silently.
 */
export class LocalQueues {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly dir: string,
    queues: { name: string; arn: string; url: string }[],
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const q of queues) for (const id of [q.name, q.arn, q.url]) this.names.set(id, q.name);
    this.names.set(UNDELIVERABLE, UNDELIVERABLE);
  }

  has(arnOrUrl: string): boolean {
    return this.names.has(arnOrUrl);
  }

  send(arnOrUrl: string, body: string, attributes?: Record<string, unknown>): string {
    const name = this.names.get(arnOrUrl);
    if (!name) throw Object.assign(new Error(`no queue ${arnOrUrl}`), { name: 'QueueDoesNotExist' });
    const message: QueuedMessage = {
      MessageId: randomUUID(),
      Body: body,
      MessageAttributes: attributes,
      SentTimestamp: Date.now(),
    };
    appendFileSync(this.file(name), `${JSON.stringify(message)}\n`);
    this.log(`queue ${name}: message ${message.MessageId} stored (${body.length} bytes)`);
    return message.MessageId;
  }

  messages(arnOrUrl: string): QueuedMessage[] {
    const name = this.names.get(arnOrUrl);
    if (!name || !existsSync(this.file(name))) return [];
    return readFileSync(this.file(name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as QueuedMessage);
  }

  private file(name: string): string {
    return join(this.dir, `${name}.jsonl`);
  }
}
