/** One AWS::Lambda::Function as local mode runs it, with every template value already resolved. */
export interface LocalFunctionSpec {
  /** Physical function name. */
  name: string;
  arn: string;
  /** Absolute directory holding the bundle (`cdk.out/asset.<hash>`). */
  assetDir: string;
  /** `file.export`, resolved against assetDir the way the Lambda Node.js runtime does. */
  handler: string;
  /** Only `nodejs*` runtimes can run locally. */
  runtime: string;
  /** The function's resolved Environment.Variables. */
  environment: Record<string, string>;
  /** Defaults to 3, as in Lambda. Fractions are accepted so tests need not wait whole seconds. */
  timeoutSeconds?: number;
  /** Defaults to 128, as in Lambda. */
  memoryMb?: number;
  reservedConcurrency?: number;
  /** LoggingConfig.LogFormat; defaults to Text. */
  logFormat?: 'Text' | 'JSON';
  /** LoggingConfig.LogGroup when the function logs to its own group; defaults to /aws/lambda/<name>. */
  logGroupName?: string;
}

export type LogSink = (line: string, functionName: string) => void;

export interface LocalFunctionOptions {
  /** Variables every function starts from (local endpoints, credentials); NODE_OPTIONS is ignored. */
  baseEnvironment: Record<string, string>;
  /** Upper bound on execution environments per function; reservedConcurrency lowers it. Defaults to 4. */
  maxInstances?: number;
  /** How long an idle execution environment stays warm before it is torn down. Defaults to 5 minutes. */
  idleTimeoutMs?: number;
  /** Receives every line a function writes to stdout or stderr. Defaults to the parent's stdout. */
  logSink?: LogSink;
  /**
   * The platform clock's shared offset (PlatformClock.buffer), which every worker puts where
   * shared/adapters/clock.ts reads "now"; without it functions run on the system clock, as on AWS.
   */
  clock?: SharedArrayBuffer;
}

export interface InvokeOptions {
  clientContext?: unknown;
  /** The ARN the caller used, qualifier included; the handler sees it as context.invokedFunctionArn. */
  invokedFunctionArn?: string;
}

/** The error document Lambda returns for a failed invocation. */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

interface InvokeTiming {
  /** Time spent in the handler, excluding the init phase, as in Lambda's REPORT Duration. */
  durationMs: number;
  coldStart: boolean;
  /** Present on cold starts: worker start-up plus module import, as in Lambda's REPORT Init Duration. */
  initDurationMs?: number;
}

export type InvokeResult =
  | ({ ok: true; payload: unknown } & InvokeTiming)
  | ({ ok: false; error: LambdaError } & InvokeTiming);

export interface LocalFunctionStats {
  instances: number;
  coldStarts: number;
  invocations: number;
  busy: number;
}
