import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

/**
 * Local mode's fault switches (`/local/faults`, never deployed; all off at start): a share of DynamoDB calls
 * throttled, S3 slowing down, EventBridge deliveries failing. Each is injected where the engine meets what calls
 * it, and what happens next is the platform's own: the SDK's retries, a workflow step's Retry, a rule target's
 * retries and dead-letter queue. Names are matched by what they contain, since physical names carry the stack
 * and a hash (`Cases` matches `tongban-dev-data-CasesTable…`).
 */

const names = z.array(z.string().min(1)).min(1);
const Switches = z
  .object({
    /** Calls from functions to DynamoDB Local answered ProvisionedThroughputExceededException, at this rate. */
    dynamodb: z
      .object({ throttle: z.number().gt(0).max(1), tables: names.optional(), functions: names.optional() })
      .strict()
      .nullable(),
    /** S3 answers 503 SlowDown, to the given methods (every one by default), for `seconds` or until switched off. */
    s3: z
      .object({
        slowDown: z.literal(true),
        methods: z
          .array(z.enum(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']))
          .min(1)
          .optional(),
        seconds: z.number().positive().optional(),
      })
      .strict()
      .nullable(),
    /** Deliveries to the targets of these rules fail: every attempt, or the first `failures` of each event. */
    eventbridge: z
      .object({ rules: names, failures: z.number().int().positive().optional() })
      .strict()
      .nullable(),
  })
  .partial()
  .strict();

export type FaultSwitches = z.infer<typeof Switches>;
type Engine = keyof FaultSwitches;

/** The switches and how many faults each has injected since local mode started. */
export class LocalFaults {
  readonly injected: Record<Engine, number> = { dynamodb: 0, s3: 0, eventbridge: 0 };
  #switches: FaultSwitches = {};
  #s3Until: number | undefined;

  /** Sets the engines named (null switches one off), leaving the others as they are. */
  set(switches: FaultSwitches): void {
    this.#switches = { ...this.#switches, ...switches };
    if ('s3' in switches) {
      this.#s3Until = switches.s3?.seconds ? Date.now() + switches.s3.seconds * 1000 : undefined;
    }
  }

  clear(): void {
    this.#switches = {};
    this.#s3Until = undefined;
  }

  /** Whether the engine's switch is on (an S3 slow-down past its seconds is off). */
  on(engine: Engine): boolean {
    if (engine === 's3' && this.#s3Until !== undefined && Date.now() >= this.#s3Until) this.set({ s3: null });
    return Boolean(this.#switches[engine]);
  }

  describe(): { faults: FaultSwitches; injected: Record<Engine, number> } {
    this.on('s3');
    const on = Object.entries(this.#switches).filter(([, value]) => value);
    return { faults: Object.fromEntries(on), injected: { ...this.injected } };
  }

  /** Whether this call of function `fn` to DynamoDB, on `tables`, is throttled. */
  throttlesDynamoDb(fn: string, tables: string[]): boolean {
    const fault = this.#switches.dynamodb;
    if (!fault) return false;
    if (fault.functions && !matches(fault.functions, fn)) return false;
    if (fault.tables && !tables.some((table) => matches(fault.tables!, table))) return false;
    return this.#count('dynamodb', Math.random() < fault.throttle);
  }

  /** Whether S3 answers this request with 503 SlowDown. */
  slowsDownS3(method: string): boolean {
    const fault = this.on('s3') ? this.#switches.s3 : undefined;
    if (!fault) return false;
    return this.#count('s3', !fault.methods || fault.methods.includes(method as never));
  }

  /** Whether delivery attempt `attempt` (from 1) of an event to a target of rule `rule` fails. */
  failsDelivery(rule: string, attempt: number): boolean {
    const fault = this.#switches.eventbridge;
    if (!fault || !matches(fault.rules, rule)) return false;
    return this.#count('eventbridge', fault.failures === undefined || attempt <= fault.failures);
  }

  #count(engine: Engine, injected: boolean): boolean {
    if (injected) this.injected[engine]++;
    return injected;
  }
}

function matches(wanted: string[], name: string): boolean {
  return wanted.some((part) => name.includes(part));
}

/**
 * `/local/faults`: GET answers the switches that are on and the faults injected so far; POST sets switches
 * (`{"dynamodb": {"throttle": 0.3, "tables": ["Cases"]}}`, `{"s3": null}` switches S3's off); DELETE switches
 * every one off.
 */
export async function handleFaults(
  faults: LocalFaults,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const reply = (status: number, payload: unknown) =>
    void res
      .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(payload));
  if (req.method === 'DELETE') faults.clear();
  else if (req.method === 'POST') {
    const parsed = Switches.safeParse(parseJson(body));
    if (!parsed.success) {
      return reply(400, {
        code: 'INVALID_FAULTS',
        message:
          'Send {"dynamodb": {"throttle": 0.5, "tables"?: [...], "functions"?: [...]}}, ' +
          '{"s3": {"slowDown": true, "methods"?: [...], "seconds"?: n}} or ' +
          '{"eventbridge": {"rules": [...], "failures"?: n}}; null switches one off',
        issues: parsed.error.issues.map(({ path, message }) => ({ path: path.join('.'), message })),
      });
    }
    faults.set(parsed.data);
  } else if (req.method !== 'GET') {
    return reply(405, { code: 'METHOD_NOT_ALLOWED', message: 'Use GET, POST or DELETE' });
  }
  return reply(200, faults.describe());
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
}
