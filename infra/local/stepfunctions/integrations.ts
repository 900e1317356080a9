import { createHash, randomUUID } from 'node:crypto';
import type { Integration } from './definition.ts';
import { StateFailure, StatesRuntimeFailure, serviceFailure } from './errors.ts';

/** What the rest of local mode lends Step Functions to reach the services its tasks call. */
export interface StepFunctionsHost {
  invokeFunction(
    functionArnOrName: string,
    payload: unknown,
  ): Promise<{ payload: unknown; functionError?: { errorType: string; errorMessage: string } }>;
  putEvents(
    entries: { Source: string; DetailType: string; Detail: string; EventBusName?: string }[],
  ): Promise<unknown>;
  sendSqsMessage?(queueArnOrUrl: string, body: string): Promise<void>;
}

export interface IntegrationCall {
  host: StepFunctionsHost;
  executionArn: string;
  stateMachineArn: string;
  /** Work the task does not wait for (an asynchronous Lambda invocation) but whenIdle() should. */
  background(work: Promise<unknown>): void;
}

/** Calls the service a Task integrates with, with its effective input, and returns the task result. */
export async function callIntegration(
  integration: Integration,
  resource: string,
  input: unknown,
  call: IntegrationCall,
): Promise<unknown> {
  switch (integration) {
    case 'lambda':
      return invokeFunction(call.host, resource, input);
    case 'lambda:invoke':
      return lambdaInvoke(parameters(input, integration), call);
    case 'events:putEvents':
      return putEvents(parameters(input, integration), call);
    case 'sqs:sendMessage':
      return sendMessage(parameters(input, integration), call);
  }
}

async function invokeFunction(
  host: StepFunctionsHost,
  functionName: string,
  payload: unknown,
): Promise<unknown> {
  let response: Awaited<ReturnType<StepFunctionsHost['invokeFunction']>>;
  try {
    response = await host.invokeFunction(functionName, payload);
  } catch (error) {
    throw serviceFailure('Lambda', error);
  }
  const { functionError } = response;
  if (!functionError) return response.payload ?? null;
  // AWS names the failure after the function's errorType and reports the whole error document as the Cause;
  // an error without a type (a crash, a timeout) is Lambda.Unknown.
  const document = isErrorDocument(response.payload) ? response.payload : functionError;
  throw new StateFailure(functionError.errorType || 'Lambda.Unknown', JSON.stringify(document));
}

async function lambdaInvoke(parameters: Record<string, unknown>, call: IntegrationCall): Promise<unknown> {
  const { FunctionName, Qualifier, Payload = {}, InvocationType = 'RequestResponse' } = parameters;
  if (typeof FunctionName !== 'string') {
    throw new StatesRuntimeFailure('lambda:invoke: FunctionName is not a string');
  }
  const functionName = typeof Qualifier === 'string' ? `${FunctionName}:${Qualifier}` : FunctionName;
  switch (InvocationType) {
    case 'RequestResponse':
      return lambdaResponse(200, await invokeFunction(call.host, functionName, Payload));
    case 'Event':
      // An asynchronous invocation's function errors are Lambda's to retry, never the task's.
      call.background(call.host.invokeFunction(functionName, Payload));
      return lambdaResponse(202, '');
    case 'DryRun':
      return lambdaResponse(204, '');
    default:
      throw new StateFailure(
        'Lambda.InvalidParameterValueException',
        `Invalid InvocationType: ${String(InvocationType)}`,
      );
  }
}

// The optimized integration's output: the Invoke response with Payload already parsed from JSON.
function lambdaResponse(statusCode: number, payload: unknown): Record<string, unknown> {
  const synchronous = statusCode === 200;
  const body = synchronous ? JSON.stringify(payload) : '';
  return {
    ...(synchronous ? { ExecutedVersion: '$LATEST' } : {}),
    Payload: payload,
    ...sdkMetadata(statusCode, {
      Connection: 'keep-alive',
      'Content-Length': String(Buffer.byteLength(body)),
      'Content-Type': 'application/json',
      ...(synchronous ? { 'X-Amz-Executed-Version': '$LATEST' } : {}),
      'x-amzn-Remapped-Content-Length': '0',
    }),
    StatusCode: statusCode,
  };
}

async function putEvents(parameters: Record<string, unknown>, call: IntegrationCall): Promise<unknown> {
  if (!Array.isArray(parameters.Entries)) {
    throw new StatesRuntimeFailure('events:putEvents: Entries is not an array');
  }
  // As on AWS, each event names the execution and the state machine among its resources.
  const entries = (parameters.Entries as Record<string, unknown>[]).map(
    ({ Detail, Resources, ...entry }) => ({
      ...entry,
      Detail: typeof Detail === 'string' ? Detail : JSON.stringify(Detail ?? {}),
      Resources: [...((Resources as string[] | undefined) ?? []), call.executionArn, call.stateMachineArn],
    }),
  );
  let result: unknown;
  try {
    result = await call.host.putEvents(entries as unknown as Parameters<StepFunctionsHost['putEvents']>[0]);
  } catch (error) {
    throw serviceFailure('EventBridge', error);
  }
  const output = isPutEventsResult(result)
    ? { Entries: result.Entries, FailedEntryCount: result.FailedEntryCount }
    : { Entries: entries.map(() => ({ EventId: randomUUID() })), FailedEntryCount: 0 };
  if (output.FailedEntryCount > 0) throw new StateFailure('EventBridge.FailedEntry', JSON.stringify(output));
  return output;
}

async function sendMessage(parameters: Record<string, unknown>, call: IntegrationCall): Promise<unknown> {
  const { QueueUrl, MessageBody } = parameters;
  if (typeof QueueUrl !== 'string') {
    throw new StatesRuntimeFailure('sqs:sendMessage: QueueUrl is not a string');
  }
  const body = typeof MessageBody === 'string' ? MessageBody : JSON.stringify(MessageBody);
  try {
    await call.host.sendSqsMessage?.(QueueUrl, body);
  } catch (error) {
    throw serviceFailure('SQS', error);
  }
  return {
    MD5OfMessageBody: createHash('md5').update(body).digest('hex'),
    MessageId: randomUUID(),
    ...sdkMetadata(200, { 'Content-Type': 'text/xml' }),
  };
}

function sdkMetadata(statusCode: number, headers: Record<string, string>): Record<string, unknown> {
  const requestId = randomUUID();
  const all = { ...headers, Date: new Date().toUTCString(), 'x-amzn-RequestId': requestId };
  return {
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(all).map(([name, value]) => [name, [value]])),
      HttpHeaders: all,
      HttpStatusCode: statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

function parameters(input: unknown, integration: Integration): Record<string, unknown> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  throw new StatesRuntimeFailure(`${integration}: Parameters did not evaluate to an object`);
}

function isErrorDocument(value: unknown): value is { errorType: string } {
  return typeof value === 'object' && value !== null && 'errorType' in value;
}

function isPutEventsResult(value: unknown): value is { Entries: unknown[]; FailedEntryCount: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { Entries?: unknown }).Entries) &&
    typeof (value as { FailedEntryCount?: unknown }).FailedEntryCount === 'number'
  );
}
