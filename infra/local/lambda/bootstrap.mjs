// The inside of one local execution environment, run as a worker thread by instance.ts. It does what the Lambda
// Node.js runtime client does: import the handler once, then serve one invocation at a time. It is plain
// JavaScript so that the worker needs no TypeScript loader, exactly like the bundles it runs.
//
// workerData: { clock?: SharedArrayBuffer }. Messages in: { requestId, event, deadlineMs, invokedFunctionArn,
// clientContext?, traceId, initDurationMs? }, with event and clientContext as JSON text. Messages out:
// { type: 'ready' } | { type: 'init-error', error } | { type: 'response', requestId, payload }
// | { type: 'error', requestId, error } | { type: 'crash', error } | { type: 'output', stream, text }.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, types } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

// The platform clock (infra/local/clock.ts): shared/adapters/clock.ts adds element 0 of this shared array to
// Date.now(). It is set before the handler is imported, since module scope may already read the time.
if (workerData?.clock) globalThis[Symbol.for('tongban.clock.offset')] = new Float64Array(workerData.clock);

const env = process.env;
// Node.js 24 removed callback-style handlers and context.done/succeed/fail; older runtimes still have them.
const legacyCallbacks = Number(/nodejs(\d+)/.exec(env.AWS_EXECUTION_ENV ?? '')?.[1]) < 24;
const jsonLogs = env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
let currentRequestId;
let inFlight;
let maxMemoryUsedMb = 0;

captureOutput();
patchConsole();
process.on('uncaughtException', (err) => crash(err));
process.on('unhandledRejection', (reason) =>
  crash(runtimeError('Runtime.UnhandledPromiseRejection', String(reason), reason?.stack)),
);

try {
  const handler = await loadHandler(env.LAMBDA_TASK_ROOT, env._HANDLER);
  parentPort.on('message', (request) => serve(handler, request));
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  const error = toLambdaError(err);
  console.error('Init Error', JSON.stringify(error));
  parentPort.postMessage({ type: 'init-error', error });
}

async function serve(handler, request) {
  const { requestId, initDurationMs } = request;
  currentRequestId = requestId;
  // The X-Ray SDK reads the trace header from the environment, as the runtime leaves it there per request.
  env._X_AMZN_TRACE_ID = request.traceId;
  platformLog('start', { requestId, version: env.AWS_LAMBDA_FUNCTION_VERSION }, () => [
    `START RequestId: ${requestId} Version: ${env.AWS_LAMBDA_FUNCTION_VERSION}`,
  ]);
  inFlight = { requestId, started: performance.now(), initDurationMs };
  let message;
  try {
    const result = await runHandler(handler, JSON.parse(request.event), buildContext(request));
    message = { type: 'response', requestId, payload: serialize(result) };
  } catch (err) {
    const error = toLambdaError(err);
    console.error('Invoke Error', JSON.stringify(error));
    message = { type: 'error', requestId, error };
  }
  endInvocation(message.type === 'response');
  parentPort.postMessage(message);
}

function runHandler(handler, event, context) {
  return new Promise((settle, fail) => {
    const callback = (err, result) => (err === undefined || err === null ? settle(result) : fail(err));
    if (legacyCallbacks) {
      Object.assign(context, {
        done: callback,
        succeed: (result) => callback(null, result),
        fail: (err) => callback(err ?? 'handled'),
      });
    }
    const result = legacyCallbacks ? handler(event, context, callback) : handler(event, context);
    if (typeof result?.then === 'function') {
      result.then(settle, fail);
    } else if (!legacyCallbacks || handler.length < 3) {
      settle(result);
    }
  });
}

function buildContext({ requestId, deadlineMs, invokedFunctionArn, clientContext }) {
  return {
    awsRequestId: requestId,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: clientContext === undefined ? undefined : JSON.parse(clientContext),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
  };
}

function serialize(result) {
  try {
    // JSON.stringify gives undefined for undefined, functions and symbols; Lambda answers null for those.
    return JSON.stringify(result) ?? 'null';
  } catch {
    throw runtimeError('Runtime.JSONStringifyError', 'Unable to stringify response body');
  }
}

async function loadHandler(taskRoot, handlerString) {
  if (handlerString.includes('..')) {
    throw runtimeError('Runtime.MalformedHandlerName', `'${handlerString}' is not a valid handler name`);
  }
  const slash = handlerString.lastIndexOf('/');
  const moduleRoot = handlerString.slice(0, slash + 1);
  const match = /^([^.]*)\.(.*)$/.exec(handlerString.slice(slash + 1));
  if (!match) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  const [, moduleName, exportPath] = match;
  const module = await importModule(taskRoot, moduleRoot, moduleName);
  const handler = findExport(module, exportPath) ?? findExport(module?.default, exportPath);
  if (!handler) {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  }
  if (!legacyCallbacks && handler.length >= 3) {
    throw runtimeError(
      'Runtime.CallbackHandlerDeprecated',
      `${handlerString} takes a callback, which Lambda no longer supports from Node.js 24; make it async`,
    );
  }
  return handler;
}

async function importModule(taskRoot, moduleRoot, moduleName) {
  try {
    const base = resolve(taskRoot, moduleRoot, moduleName);
    // The runtime's lookup order: the exact name, then .js, .mjs and .cjs.
    for (const extension of ['', '.js', '.mjs', '.cjs']) {
      if (statSync(base + extension, { throwIfNoEntry: false })?.isFile()) {
        return await import(pathToFileURL(base + extension).href);
      }
    }
    // Failing that, the runtime falls back to Node's own resolution, e.g. a handler inside node_modules.
    const require = createRequire(join(taskRoot, 'index.js'));
    const resolved = require.resolve(moduleName, { paths: [taskRoot, join(taskRoot, moduleRoot)] });
    return await import(pathToFileURL(resolved).href);
  } catch (err) {
    if (err instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(err), err.stack);
    if (err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND') {
      throw runtimeError('Runtime.ImportModuleError', String(err), err.stack);
    }
    throw err;
  }
}

function findExport(module, exportPath) {
  return exportPath.split('.').reduce((value, key) => (value ? value[key] : undefined), module);
}

// After an uncaught error Lambda discards the environment; the parent terminates this worker on 'crash'.
function crash(err) {
  const error = toLambdaError(err);
  console.error('Uncaught Exception', JSON.stringify(error));
  endInvocation(false);
  parentPort.postMessage({ type: 'crash', error });
}

function runtimeError(name, message, stack) {
  const error = new Error(message);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}

// Lambda's error document: name, message and the stack split into lines; anything else thrown is reported
// by its type.
function toLambdaError(err) {
  if (types.isNativeError(err) || err instanceof Error) {
    return { errorType: err.name, errorMessage: err.message, trace: err.stack?.split('\n') ?? [] };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

// Output travels with the other messages, so it reaches the parent in order with the results, and over the
// port an idle worker releases: captured worker stdio would keep local mode's process alive.
function captureOutput() {
  for (const stream of ['stdout', 'stderr']) {
    process[stream].write = (chunk, encoding, callback) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      parentPort.postMessage({ type: 'output', stream, text });
      (typeof encoding === 'function' ? encoding : callback)?.();
      return true;
    };
  }
}

// The runtime rewrites console output so each line carries a timestamp, the request id and a level.
function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const timestamp = new Date().toISOString();
      const message = format(...args);
      writeLine(
        jsonLogs
          ? JSON.stringify({ timestamp, level, requestId: currentRequestId, message })
          : `${timestamp}\t${currentRequestId}\t${level}\t${message}`,
      );
    };
  }
}

// Writes END and REPORT for the invocation in flight, if any; a crash may come while idle.
function endInvocation(succeeded) {
  if (!inFlight) return;
  const { requestId, started, initDurationMs } = inFlight;
  const durationMs = performance.now() - started;
  inFlight = undefined;
  maxMemoryUsedMb = Math.max(maxMemoryUsedMb, Math.ceil(getHeapStatistics().used_heap_size / 2 ** 20));
  const metrics = {
    durationMs: Number(durationMs.toFixed(2)),
    billedDurationMs: Math.ceil(durationMs + (initDurationMs ?? 0)),
    memorySizeMB: Number(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE),
    maxMemoryUsedMB: maxMemoryUsedMb,
    ...(initDurationMs !== undefined && { initDurationMs: Number(initDurationMs.toFixed(2)) }),
  };
  platformLog('report', { requestId, metrics, status: succeeded ? 'success' : 'error' }, () => [
    `END RequestId: ${requestId}`,
    [
      `REPORT RequestId: ${requestId}`,
      `Duration: ${metrics.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${metrics.billedDurationMs} ms`,
      `Memory Size: ${metrics.memorySizeMB} MB`,
      `Max Memory Used: ${metrics.maxMemoryUsedMB} MB`,
      ...(metrics.initDurationMs === undefined
        ? []
        : [`Init Duration: ${metrics.initDurationMs.toFixed(2)} ms`]),
    ].join('\t'),
  ]);
}

// Platform lines are plain text by default and JSON records when the function's LogFormat is JSON.
function platformLog(type, record, textLines) {
  if (jsonLogs) {
    writeLine(JSON.stringify({ time: new Date().toISOString(), type: `platform.${type}`, record }));
  } else {
    for (const line of textLines()) writeLine(line);
  }
}

function writeLine(line) {
  process.stdout.write(`${line}\n`);
}
