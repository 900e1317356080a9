import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { InvokeResult, LambdaError, LogSink } from './types.ts';

const bootstrap = new URL('./bootstrap.mjs', import.meta.url);
// Lambda gives the init phase its own 10 s, whatever the function timeout.
const initTimeoutMs = 10_000;
// The largest response a synchronous invocation may return.
const maxResponseBytes = 6 * 1024 * 1024;

export interface InstanceConfig {
  functionName: string;
  timeoutSeconds: number;
  memoryMb: number;
  jsonLogs: boolean;
  env: Record<string, string>;
  execArgv: string[];
  logSink: LogSink;
  /** The platform clock's shared offset (see shared/adapters/clock.ts); without it the function reads system time. */
  clock?: SharedArrayBuffer;
  /** Called once the worker has exited, for whatever reason, so the pool can forget the instance. */
  onExit: (instance: Instance) => void;
}

export interface InvokeRequest {
  /** The event as JSON text: Lambda hands functions a parsed copy, never the caller's object. */
  event: string;
  invokedFunctionArn: string;
  clientContext: string | undefined;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaError }
  | { type: 'response'; requestId: string; payload: string }
  | { type: 'error'; requestId: string; error: LambdaError }
  | { type: 'crash'; error: LambdaError }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string };

type Outcome = { ok: true; payload: unknown } | { ok: false; error: LambdaError };

interface Pending {
  requestId: string;
  startedAt: number;
  timer: NodeJS.Timeout;
  settle: (outcome: Outcome) => void;
}

/**
 * One execution environment: a worker thread with its own environment variables, module graph and heap,
 * serving one invocation at a time. Timeouts, crashes and failed inits end it, as they reset a Lambda sandbox.
 */
export class Instance {
  readonly #config: InstanceConfig;
  readonly #worker: Worker;
  readonly #spawnedAt = performance.now();
  readonly #init = Promise.withResolvers<LambdaError | undefined>();
  readonly #initTimer: NodeJS.Timeout;
  #initSettled = false;
  #initDurationMs = 0;
  #invocations = 0;
  #pending: Pending | undefined;
  #alive = true;
  #outOfMemory = false;
  #workerError: Error | undefined;
  // Output not yet ended by a newline, per stream.
  readonly #partialLines = { stdout: '', stderr: '' };

  constructor(config: InstanceConfig) {
    this.#config = config;
    this.#worker = new Worker(bootstrap, {
      env: config.env,
      // Shared memory, not a copy: moving the platform clock reaches this worker while it is warm.
      workerData: { clock: config.clock },
      // Without this the worker would inherit the parent's flags, TypeScript loader included.
      execArgv: config.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(config.memoryMb) },
    });
    this.#initTimer = setTimeout(() => {
      this.#settleInit({
        errorType: 'Sandbox.Timedout',
        errorMessage: `Init phase timed out after ${(initTimeoutMs / 1000).toFixed(2)} seconds`,
      });
      this.#discard();
    }, initTimeoutMs);
    this.#worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
    this.#worker.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') this.#outOfMemory = true;
      else this.#workerError = err;
    });
    this.#worker.on('exit', (code) => this.#onExit(code));
  }

  /** False once the environment has been discarded; it must not be handed another invocation. */
  get alive(): boolean {
    return this.#alive;
  }

  async invoke(request: InvokeRequest): Promise<InvokeResult> {
    // Only a busy execution environment may keep local mode's process alive; an idle one just waits.
    this.#worker.ref();
    try {
      return await this.#run(request);
    } finally {
      this.#worker.unref();
    }
  }

  async #run(request: InvokeRequest): Promise<InvokeResult> {
    const coldStart = this.#invocations++ === 0;
    const initError = await this.#init.promise;
    const timing = coldStart ? { coldStart, initDurationMs: this.#initDurationMs } : { coldStart };
    if (initError) return { ok: false, error: initError, durationMs: 0, ...timing };
    const startedAt = performance.now();
    const timeoutMs = this.#config.timeoutSeconds * 1000;
    const outcome = await new Promise<Outcome>((settle) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => this.#timeOut(), timeoutMs);
      this.#pending = { requestId, startedAt, timer, settle };
      this.#worker.postMessage({
        requestId,
        event: request.event,
        deadlineMs: Date.now() + timeoutMs,
        invokedFunctionArn: request.invokedFunctionArn,
        clientContext: request.clientContext,
        traceId: traceHeader(),
        initDurationMs: coldStart ? this.#initDurationMs : undefined,
      });
    });
    return { ...outcome, durationMs: performance.now() - startedAt, ...timing };
  }

  async terminate(): Promise<void> {
    this.#alive = false;
    await this.#worker.terminate();
  }

  #onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        this.#settleInit(undefined);
        return;
      case 'init-error':
        this.#settleInit(message.error);
        this.#discard();
        return;
      case 'response':
        this.#finish(message.requestId, parsePayload(message.payload));
        return;
      case 'error':
        this.#finish(message.requestId, { ok: false, error: message.error });
        return;
      case 'output':
        this.#output(message.stream, message.text);
        return;
      case 'crash': {
        this.#settleInit(message.error);
        const pending = this.#pending;
        if (pending) this.#finish(pending.requestId, { ok: false, error: message.error });
        this.#discard();
      }
    }
  }

  // Init ends once, however it ends; later outcomes (a crash after a failed import, say) change nothing.
  #settleInit(error: LambdaError | undefined): void {
    if (this.#initSettled) return;
    this.#initSettled = true;
    this.#initDurationMs = performance.now() - this.#spawnedAt;
    clearTimeout(this.#initTimer);
    this.#init.resolve(error);
  }

  #timeOut(): void {
    const pending = this.#pending!;
    const error = {
      errorType: 'Sandbox.Timedout',
      errorMessage: `Task timed out after ${this.#config.timeoutSeconds.toFixed(2)} seconds`,
    };
    const line = `${new Date().toISOString()} ${pending.requestId} ${error.errorMessage}`;
    this.#reportAbnormalEnd(pending, 'timeout', error, [line]);
    this.#finish(pending.requestId, { ok: false, error });
    this.#discard();
  }

  #onExit(code: number): void {
    this.#alive = false;
    // A line the worker left unfinished is still worth seeing.
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#partialLines[stream]) this.#output(stream, '\n');
    }
    const reason = this.#outOfMemory
      ? `JavaScript heap out of memory (limit ${heapLimitMb(this.#config.memoryMb)} MB)`
      : (this.#workerError?.message ?? `exit status ${code}`);
    const error = {
      errorType: this.#outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError',
      errorMessage: `Runtime exited with error: ${reason}`,
    };
    this.#settleInit(error);
    const pending = this.#pending;
    if (pending) {
      const failure = {
        ...error,
        errorMessage: `RequestId: ${pending.requestId} Error: ${error.errorMessage}`,
      };
      this.#reportAbnormalEnd(pending, 'error', failure, [failure.errorMessage, failure.errorType]);
      this.#finish(pending.requestId, { ok: false, error: failure });
    }
    this.#config.onExit(this);
  }

  #finish(requestId: string, outcome: Outcome): void {
    const pending = this.#pending;
    if (pending?.requestId !== requestId) return;
    clearTimeout(pending.timer);
    this.#pending = undefined;
    pending.settle(outcome);
  }

  #discard(): void {
    this.#alive = false;
    void this.#worker.terminate();
  }

  // The worker could not write its own END and REPORT lines, so the platform writes them, as Lambda does,
  // after its own account of what happened (textLines) when the log format is text.
  #reportAbnormalEnd(
    pending: Pending,
    status: 'timeout' | 'error',
    error: LambdaError,
    textLines: string[],
  ): void {
    const { functionName, memoryMb, jsonLogs, logSink } = this.#config;
    const durationMs = performance.now() - pending.startedAt;
    const { requestId } = pending;
    if (jsonLogs) {
      const metrics = { durationMs: Number(durationMs.toFixed(2)), memorySizeMB: memoryMb };
      const record = { requestId, metrics, status, errorType: error.errorType };
      logSink(
        JSON.stringify({ time: new Date().toISOString(), type: 'platform.report', record }),
        functionName,
      );
      return;
    }
    for (const line of textLines) logSink(line, functionName);
    logSink(`END RequestId: ${requestId}`, functionName);
    const report = `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tMemory Size: ${memoryMb} MB`;
    logSink(`${report}\tStatus: ${status}`, functionName);
  }

  // The sink takes whole lines, so text without its newline waits for the rest of its line.
  #output(stream: 'stdout' | 'stderr', text: string): void {
    const lines = (this.#partialLines[stream] + text).split(/\r?\n/);
    this.#partialLines[stream] = lines.pop()!;
    for (const line of lines) this.#config.logSink(line, this.#config.functionName);
  }
}

function parsePayload(payload: string): Outcome {
  if (Buffer.byteLength(payload) > maxResponseBytes) {
    return {
      ok: false,
      error: {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${maxResponseBytes} bytes).`,
      },
    };
  }
  return { ok: true, payload: JSON.parse(payload) };
}

// Most of the function's memory goes to the old generation, leaving room for the young one and native memory.
// The floor matters: below ~16 MB V8 cannot even deserialize its startup snapshot, which aborts the whole process.
function heapLimitMb(memoryMb: number): number {
  return Math.max(32, Math.floor(memoryMb * 0.9));
}

// Sampled=0 so an X-Ray SDK in the function records nothing and sends nothing.
function traceHeader(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
