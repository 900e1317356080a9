import { assertNoReservedKeys, lambdaEnvironment, workerExecArgv } from './environment.ts';
import { lambdaServiceError } from './errors.ts';
import { Instance } from './instance.ts';
import type {
  InvokeOptions,
  InvokeResult,
  LocalFunctionOptions,
  LocalFunctionSpec,
  LocalFunctionStats,
  LogSink,
} from './types.ts';

// The largest event a synchronous invocation accepts.
const maxEventBytes = 6 * 1024 * 1024;

interface Job {
  event: string;
  invokedFunctionArn: string;
  clientContext: string | undefined;
  resolve: (result: InvokeResult) => void;
  reject: (reason: Error) => void;
}

const stdoutSink: LogSink = (line, functionName) => {
  process.stdout.write(`[${functionName}] ${line}\n`);
};

/**
 * A function's pool of execution environments. Warm ones are reused newest first, as Lambda keeps its most
 * recently used sandboxes warm; new ones start while under the concurrency limit; beyond it, invocations wait
 * in arrival order instead of being throttled, which suits a single developer machine better.
 */
export class LocalFunction {
  readonly spec: LocalFunctionSpec;
  readonly #options: LocalFunctionOptions;
  readonly #timeoutSeconds: number;
  readonly #memoryMb: number;
  readonly #limit: number;
  readonly #idleTimeoutMs: number;
  readonly #instances = new Set<Instance>();
  readonly #idle: Instance[] = [];
  readonly #reapers = new Map<Instance, NodeJS.Timeout>();
  readonly #queue: Job[] = [];
  #coldStarts = 0;
  #invocations = 0;
  #busy = 0;
  #closed = false;

  constructor(spec: LocalFunctionSpec, options: LocalFunctionOptions) {
    if (!/^nodejs\d+\.x$/.test(spec.runtime)) {
      throw new Error(
        `Function ${spec.name} uses runtime ${spec.runtime}; local mode runs only Node.js functions`,
      );
    }
    assertNoReservedKeys(spec);
    this.spec = spec;
    this.#options = options;
    this.#timeoutSeconds = spec.timeoutSeconds ?? 3;
    this.#memoryMb = spec.memoryMb ?? 128;
    this.#limit = Math.min(options.maxInstances ?? 4, spec.reservedConcurrency ?? Number.POSITIVE_INFINITY);
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60_000;
  }

  /** Resolves with the function's answer or error; rejects only for what Lambda would refuse to invoke. */
  async invoke(event: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    if (this.#closed) throw closedError(this.spec.name);
    if (this.#limit === 0) throw lambdaServiceError('TooManyRequestsException', 'Rate Exceeded.');
    // Lambda substitutes an empty object when the caller sends no payload.
    const payload = event === undefined ? '{}' : JSON.stringify(event);
    if (Buffer.byteLength(payload) > maxEventBytes) {
      throw lambdaServiceError(
        'RequestEntityTooLargeException',
        `Request must be smaller than ${maxEventBytes} bytes`,
      );
    }
    const clientContext =
      options.clientContext === undefined ? undefined : JSON.stringify(options.clientContext);
    const invokedFunctionArn = options.invokedFunctionArn ?? this.spec.arn;
    return new Promise((resolve, reject) => {
      this.#queue.push({ event: payload, invokedFunctionArn, clientContext, resolve, reject });
      this.#dispatch();
    });
  }

  stats(): LocalFunctionStats {
    return {
      instances: this.#instances.size,
      coldStarts: this.#coldStarts,
      invocations: this.#invocations,
      busy: this.#busy,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#reapers.values()) clearTimeout(timer);
    this.#reapers.clear();
    this.#idle.length = 0;
    for (const job of this.#queue.splice(0)) job.reject(closedError(this.spec.name));
    await Promise.all([...this.#instances].map((instance) => instance.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const instance = this.#takeIdle() ?? this.#spawn();
      if (!instance) return;
      void this.#run(instance, this.#queue.shift()!);
    }
  }

  async #run(instance: Instance, job: Job): Promise<void> {
    this.#busy++;
    this.#invocations++;
    const result = await instance.invoke(job);
    this.#busy--;
    if (instance.alive && !this.#closed) this.#park(instance);
    else this.#forget(instance);
    job.resolve(result);
    this.#dispatch();
  }

  #spawn(): Instance | undefined {
    if (this.#instances.size >= this.#limit) return undefined;
    const { spec } = this;
    const instance = new Instance({
      functionName: spec.name,
      timeoutSeconds: this.#timeoutSeconds,
      memoryMb: this.#memoryMb,
      jsonLogs: spec.logFormat === 'JSON',
      env: lambdaEnvironment(spec, this.#options.baseEnvironment, this.#memoryMb),
      execArgv: workerExecArgv(spec.environment),
      logSink: this.#options.logSink ?? stdoutSink,
      clock: this.#options.clock,
      onExit: (exited) => {
        this.#forget(exited);
        this.#dispatch();
      },
    });
    this.#instances.add(instance);
    this.#coldStarts++;
    return instance;
  }

  #takeIdle(): Instance | undefined {
    const instance = this.#idle.pop();
    if (instance) {
      clearTimeout(this.#reapers.get(instance));
      this.#reapers.delete(instance);
    }
    return instance;
  }

  #park(instance: Instance): void {
    this.#idle.push(instance);
    const reaper = setTimeout(() => {
      this.#forget(instance);
      void instance.terminate();
    }, this.#idleTimeoutMs);
    // Like the idle worker itself, its reaper must not keep local mode's process alive.
    reaper.unref();
    this.#reapers.set(instance, reaper);
  }

  #forget(instance: Instance): void {
    this.#instances.delete(instance);
    const idleAt = this.#idle.indexOf(instance);
    if (idleAt >= 0) this.#idle.splice(idleAt, 1);
    clearTimeout(this.#reapers.get(instance));
    this.#reapers.delete(instance);
  }
}

function closedError(functionName: string): Error {
  return new Error(`Function ${functionName} has been closed`);
}
