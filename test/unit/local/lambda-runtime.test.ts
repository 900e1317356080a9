import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type InvokeResult,
  LocalFunction,
  type LocalFunctionSpec,
  LocalFunctions,
} from '../../../infra/local/lambda/runtime.ts';

// Tiny bundles standing in for esbuild output: one asset directory each, handler index.handler.
const fixtures: Record<string, string> = {
  env: `export const handler = async () => ({
    color: process.env.COLOR ?? null,
    base: process.env.BASE_ONLY ?? null,
    parent: process.env.PARENT_ONLY ?? null,
    nodeOptions: process.env.NODE_OPTIONS ?? null,
    name: process.env.AWS_LAMBDA_FUNCTION_NAME,
    region: process.env.AWS_REGION,
    taskRoot: process.env.LAMBDA_TASK_ROOT,
    tz: process.env.TZ,
  });`,
  counter: `const instanceId = crypto.randomUUID();
    let count = 0;
    export const handler = async (event) => {
      await new Promise((resolve) => setTimeout(resolve, event.waitMs ?? 0));
      count += 1;
      return { instanceId, count };
    };`,
  spin: `export const handler = async (event) => {
    while (event.spin) {}
    return 'done';
  };`,
  throws: `class ValidationError extends Error { name = 'ValidationError'; }
    export const handler = async () => { throw new ValidationError('材料不全'); };`,
  broken: `import 'tongban-no-such-package';
    export const handler = async () => 'unreachable';`,
  callback: `export const handler = (event, context, callback) => {
    setTimeout(() => callback(null, { echoed: event.value, fn: context.functionName }), 5);
  };`,
  context: `export const handler = async (event, context) => ({
    event,
    requestId: context.awsRequestId,
    invokedFunctionArn: context.invokedFunctionArn,
    memoryLimitInMB: context.memoryLimitInMB,
    logGroupName: context.logGroupName,
    remaining: context.getRemainingTimeInMillis(),
    clientContext: context.clientContext,
  });`,
  rejects: `export const handler = async (event) => {
    if (event.forget) Promise.reject(new Error('forgot to await'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return 'answered';
  };`,
  bigint: `export const handler = async () => ({ total: 1n });`,
  logs: `console.log('loading');
    export const handler = async () => { console.log('serving'); return null; };`,
  hog: `export const handler = async () => {
    const hoard = [];
    for (;;) hoard.push({ at: Math.random() });
  };`,
};

const arnPrefix = 'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:';
let root: string;
const opened: Array<{ close(): Promise<void> }> = [];

function spec(fixture: string, overrides: Partial<LocalFunctionSpec> = {}): LocalFunctionSpec {
  const name = overrides.name ?? `tongban-${fixture}`;
  return {
    name,
    arn: `${arnPrefix}${name}`,
    assetDir: join(root, fixture),
    handler: 'index.handler',
    runtime: 'nodejs24.x',
    environment: {},
    ...overrides,
  };
}

function open(
  functionSpec: LocalFunctionSpec,
  options: Partial<ConstructorParameters<typeof LocalFunction>[1]> = {},
) {
  const fn = new LocalFunction(functionSpec, { baseEnvironment: {}, logSink: () => {}, ...options });
  opened.push(fn);
  return fn;
}

function payloadOf(result: InvokeResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`Invocation failed: ${result.error.errorMessage}`);
  return result.payload as Record<string, unknown>;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tongban-lambda-'));
  for (const [fixture, source] of Object.entries(fixtures)) {
    mkdirSync(join(root, fixture));
    writeFileSync(join(root, fixture, 'index.mjs'), source);
  }
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fn) => fn.close()));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LocalFunction', () => {
  it('gives each function only its own environment on top of the base and the Lambda variables', async () => {
    // Given two functions from one bundle with different settings, and a variable only the parent has
    process.env.PARENT_ONLY = 'leaked';
    const options = { baseEnvironment: { BASE_ONLY: 'base', NODE_OPTIONS: '--import tsx' } };
    const red = open(spec('env', { name: 'tongban-red', environment: { COLOR: 'red' } }), options);
    const blue = open(spec('env', { name: 'tongban-blue', environment: { COLOR: 'blue' } }), options);

    // When both run
    const [fromRed, fromBlue] = await Promise.all([red.invoke({}), blue.invoke({})]);
    delete process.env.PARENT_ONLY;

    // Then each sees its own values, the base and Lambda's variables, and nothing of the parent's
    expect(fromRed).toMatchObject({ ok: true, payload: { color: 'red', name: 'tongban-red' } });
    expect(fromBlue).toMatchObject({ ok: true, payload: { color: 'blue', name: 'tongban-blue' } });
    expect(fromRed.ok && fromRed.payload).toMatchObject({
      base: 'base',
      parent: null,
      nodeOptions: null,
      region: 'cn-northwest-1',
      taskRoot: join(root, 'env'),
      tz: ':UTC',
    });
  });

  it('refuses a function that sets a reserved variable, as Lambda does', () => {
    // Given a function configuring AWS_REGION itself
    const reserved = spec('env', { environment: { AWS_REGION: 'us-east-1' } });

    // When it is created, then it fails naming the function and the key
    expect(() => open(reserved)).toThrow(/tongban-env.*AWS_REGION/);
  });

  it('refuses a runtime other than Node.js, naming the function', () => {
    // Given a Python function, when it is created, then it fails naming the function and its runtime
    expect(() => open(spec('env', { runtime: 'python3.13' }))).toThrow(/tongban-env.*python3\.13/);
  });

  it('keeps module state across warm invocations of one instance but not across instances', async () => {
    // Given a function whose module counts its invocations
    const fn = open(spec('counter'));

    // When it is invoked twice in a row, then twice at once
    const first = await fn.invoke({});
    const second = await fn.invoke({});
    const concurrent = await Promise.all([fn.invoke({ waitMs: 100 }), fn.invoke({ waitMs: 100 })]);

    // Then the warm instance kept counting, and the second instance started from its own fresh module
    expect(first).toMatchObject({ ok: true, coldStart: true, payload: { count: 1 } });
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(second).toMatchObject({ ok: true, coldStart: false, payload: { count: 2 } });
    const warmId = payloadOf(first).instanceId;
    const payloads = concurrent.map(payloadOf);
    expect(payloads).toContainEqual({ instanceId: warmId, count: 3 });
    expect(payloads).toContainEqual({ instanceId: expect.not.stringMatching(String(warmId)), count: 1 });
    expect(fn.stats()).toEqual({ instances: 2, coldStarts: 2, invocations: 4, busy: 0 });
  });

  it('queues invocations beyond the reserved concurrency instead of starting more instances', async () => {
    // Given a function limited to one concurrent execution
    const fn = open(spec('counter', { reservedConcurrency: 1 }));

    // When three invocations arrive at once
    const results = await Promise.all([1, 2, 3].map(() => fn.invoke({ waitMs: 20 })));

    // Then one instance served them in arrival order
    expect(results.map((result) => result.ok && result.payload)).toMatchObject([
      { count: 1 },
      { count: 2 },
      { count: 3 },
    ]);
    expect(fn.stats().coldStarts).toBe(1);
  });

  it('terminates an invocation that runs past the timeout and cold-starts a fresh instance next time', async () => {
    // Given a function with a short timeout
    const fn = open(spec('spin', { timeoutSeconds: 0.3 }));

    // When a handler never returns
    const timedOut = await fn.invoke({ spin: true });
    const next = await fn.invoke({ spin: false });

    // Then Lambda's timeout error comes back and the next invocation runs in a new instance
    expect(timedOut).toMatchObject({
      ok: false,
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 0.30 seconds' },
    });
    expect(next).toMatchObject({ ok: true, payload: 'done', coldStart: true });
    expect(fn.stats()).toMatchObject({ instances: 1, coldStarts: 2 });
  });

  it('reports a thrown error as Lambda does and keeps the instance warm', async () => {
    // Given a function that throws its own error class
    const fn = open(spec('throws'));

    // When it is invoked twice
    const failed = await fn.invoke({});
    const again = await fn.invoke({});

    // Then the error document carries the class name, message and stack, and the instance served again

    expect(failed).toMatchObject({
      ok: false,
      error: { errorType: 'ValidationError', errorMessage: '材料不全' },
    });
    expect(!failed.ok && failed.error.trace?.[0]).toBe('ValidationError: 材料不全');
    expect(again.coldStart).toBe(false);
  });

  it('reports a module that cannot be imported as Runtime.ImportModuleError', async () => {
    // Given a bundle importing a package that is not there
    const fn = open(spec('broken'));

    // When it is invoked
    const result = await fn.invoke({});

    // Then init fails the invocation with Lambda's error type, naming the package

    expect(result).toMatchObject({
      ok: false,
      coldStart: true,
      error: { errorType: 'Runtime.ImportModuleError' },
    });
    expect(!result.ok && result.error.errorMessage).toContain('tongban-no-such-package');
  });

  it('reports a missing export as Runtime.HandlerNotFound', async () => {
    // Given a handler setting naming an export the bundle lacks
    const fn = open(spec('env', { handler: 'index.missing' }));

    // When it is invoked
    const result = await fn.invoke({});

    // Then Lambda's message comes back

    expect(result).toMatchObject({
      ok: false,
      error: {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: 'index.missing is undefined or not exported',
      },
    });
  });

  it('serves callback-style handlers on runtimes before Node.js 24 and rejects them from Node.js 24', async () => {
    // Given the same callback handler on nodejs22.x and on nodejs24.x
    const legacy = open(spec('callback', { name: 'tongban-legacy', runtime: 'nodejs22.x' }));
    const current = open(spec('callback', { name: 'tongban-current', runtime: 'nodejs24.x' }));

    // When both are invoked
    const [fromLegacy, fromCurrent] = await Promise.all([
      legacy.invoke({ value: 7 }),
      current.invoke({ value: 7 }),
    ]);

    // Then the old runtime answers through the callback, the new one fails at init as Lambda does
    expect(fromLegacy).toMatchObject({ ok: true, payload: { echoed: 7, fn: 'tongban-legacy' } });
    expect(fromCurrent).toMatchObject({
      ok: false,
      error: { errorType: 'Runtime.CallbackHandlerDeprecated' },
    });
  });

  it('passes the event and result through JSON and builds a Lambda context', async () => {
    // Given a function echoing its event and context
    const fn = open(spec('context', { memoryMb: 256, timeoutSeconds: 5 }));
    const event = { at: new Date('2025-01-01T00:00:00Z'), skipped: undefined, nested: [1, 'two'] };

    // When it is invoked with a client context
    const result = await fn.invoke(event, { clientContext: { custom: { tenant: '610100' } } });

    // Then the handler saw the JSON form of the event and a complete context
    const payload = payloadOf(result);
    expect(payload.event).toEqual({ at: '2025-01-01T00:00:00.000Z', nested: [1, 'two'] });
    expect(payload.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload).toMatchObject({
      invokedFunctionArn: `${arnPrefix}tongban-context`,
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/tongban-context',
      clientContext: { custom: { tenant: '610100' } },
    });
    expect(payload.remaining).toBeGreaterThan(4000);
  });

  it('fails the invocation and discards the instance on an unhandled rejection', async () => {
    // Given a function that leaves a rejected promise behind
    const fn = open(spec('rejects'));

    // When it is invoked, then invoked again
    const crashed = await fn.invoke({ forget: true });
    const next = await fn.invoke({});

    // Then the first fails as Lambda reports it, and the second needs a fresh instance
    expect(crashed).toMatchObject({
      ok: false,
      error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: forgot to await' },
    });
    expect(next).toMatchObject({ ok: true, payload: 'answered', coldStart: true });
  });

  it('fails an invocation whose result cannot be serialized', async () => {
    // Given a function returning a BigInt, which JSON cannot express
    const fn = open(spec('bigint'));

    // When it is invoked
    const result = await fn.invoke({});

    // Then the invocation fails instead of answering something else

    expect(result).toMatchObject({ ok: false, error: { errorType: 'Runtime.JSONStringifyError' } });
  });

  it('replaces an instance that runs out of memory', async () => {
    // Given a function with little memory that hoards objects
    const fn = open(spec('hog', { memoryMb: 32, timeoutSeconds: 20 }));

    // When it runs
    const result = await fn.invoke({});

    // Then the invocation fails like a Lambda out-of-memory kill and the instance is gone
    expect(result).toMatchObject({ ok: false, error: { errorType: 'Runtime.OutOfMemory' } });
    await vi.waitFor(() => expect(fn.stats().instances).toBe(0));
  });

  it('writes console output and platform lines to the log sink with the request id', async () => {
    // Given a function that logs while loading and while serving
    const lines: string[] = [];
    const fn = open(spec('logs'), { logSink: (line, name) => lines.push(`${name}|${line}`) });

    // When it is invoked once
    await fn.invoke({});

    // Then the sink already holds Lambda-formatted lines, including the cold start's init duration
    expect(lines.find((line) => line.includes('\tloading'))).toMatch(
      /^tongban-logs\|\S+Z\tundefined\tINFO\tloading$/,
    );
    expect(lines.find((line) => line.includes('\tserving'))).toMatch(/\t[0-9a-f-]{36}\tINFO\tserving$/);
    expect(lines.find((line) => line.includes('REPORT'))).toMatch(/Init Duration: [\d.]+ ms/);
  });

  it('tears down instances that stay idle past the idle timeout', async () => {
    // Given a function whose instances may idle for 50 ms
    const fn = open(spec('counter'), { idleTimeoutMs: 50 });

    // When it is invoked once and then left alone
    await fn.invoke({});

    // Then its instance goes away
    await vi.waitFor(() => expect(fn.stats().instances).toBe(0));
  });
});

describe('LocalFunctions', () => {
  const open = (...specs: LocalFunctionSpec[]) => {
    const functions = new LocalFunctions(specs, { baseEnvironment: {}, logSink: () => {} });
    opened.push({ close: () => functions.closeAll() });
    return functions;
  };

  it('finds a function by name, by ARN and by ARN or name with a version or alias qualifier', () => {
    // Given two functions
    const functions = open(spec('context'), spec('env'));
    const fn = functions.get('tongban-context');

    // When one is looked up each way Invoke accepts, then the same function comes back

    for (const id of [
      `${arnPrefix}tongban-context`,
      `${arnPrefix}tongban-context:$LATEST`,
      `${arnPrefix}tongban-context:live`,
      '123456789012:function:tongban-context',
      'tongban-context:live',
    ]) {
      expect(functions.get(id)).toBe(fn);
    }
  });

  it('tells the handler which qualified ARN it was invoked through', async () => {
    // Given a function echoing its context
    const functions = open(spec('context'));

    // When it is invoked through an alias ARN
    const result = await functions.invoke(`${arnPrefix}tongban-context:live`, {});

    // Then the context names that ARN, as in Lambda

    expect(result).toMatchObject({
      ok: true,
      payload: { invokedFunctionArn: `${arnPrefix}tongban-context:live` },
    });
  });

  it('rejects unknown functions, including a known name under another account', async () => {
    // Given one function
    const functions = open(spec('context'));

    // When other names or accounts are asked for, then Lambda's not-found error comes back
    expect(() => functions.get('tongban-nope')).toThrow('Function not found: tongban-nope');
    expect(() =>
      functions.get('arn:aws-cn:lambda:cn-northwest-1:999999999999:function:tongban-context'),
    ).toThrow(/Function not found/);
    await expect(functions.invoke('tongban-nope', {})).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
