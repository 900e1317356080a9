import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import { badRequest, HttpError } from './errors.ts';

export const logger = new Logger();

export interface HttpRequest extends APIGatewayProxyEventV2 {
  /** The parsed JSON body, or undefined when the request has none. */
  json?: unknown;
}

/** What a capability returns: a body (200) or a full response. */
export type HttpResult = { statusCode: number; body?: unknown; headers?: Record<string, string> } | object;

type Fn = (request: HttpRequest, context: Context) => Promise<HttpResult>;

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * The middy stack every HTTP capability shares: structured logs with the request context, JSON bodies
 * parsed with a clear 400 on bad JSON, and errors mapped to `{ error: { code, message } }` — a 500 only
 * for what no user input can cause.
 */
export function httpHandler(fn: Fn) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      try {
        const request: HttpRequest = { ...event, json: parseBody(event) };
        return toResponse(await fn(request, context));
      } catch (error) {
        return errorResponse(error, context.awsRequestId);
      }
    });
}

/**
 * The largest body any route takes: the biggest request is an application naming its materials (a few KB).
 * The WAF's size rule in front of the API matches it; files go to S3 directly, never through the API.
 */
export const MAX_BODY_BYTES = 256 * 1024;

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === '') return undefined;
  // Base64 is 4/3 of the bytes it carries: the limit is on what the client sent.
  const bytes = event.isBase64Encoded ? (event.body.length * 3) / 4 : Buffer.byteLength(event.body);
  if (bytes > MAX_BODY_BYTES) {
    throw new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `请求体不得超过 ${MAX_BODY_BYTES / 1024} KB`,
      `The request body must not exceed ${MAX_BODY_BYTES / 1024} KB`,
    );
  }
  const type = event.headers?.['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON', 'The request body must be JSON');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('INVALID_JSON', '请求体不是合法的 JSON', 'The request body is not valid JSON');
  }
}

function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  if ('statusCode' in result && typeof result.statusCode === 'number') {
    const r = result as { statusCode: number; body?: unknown; headers?: Record<string, string> };
    return {
      statusCode: r.statusCode,
      headers: { ...HEADERS, ...r.headers },
      body: r.body === undefined ? '' : JSON.stringify(r.body),
    };
  }
  return { statusCode: 200, headers: HEADERS, body: JSON.stringify(result) };
}

function errorResponse(error: unknown, requestId: string): APIGatewayProxyResultV2 {
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return send(
      badRequest('VALIDATION_FAILED', '请求内容不符合要求', 'The request is not valid', details),
      requestId,
    );
  }
  if (error instanceof HttpError) return send(error, requestId);
  logger.error('unhandled error', { error: error as Error });
  return send(
    new HttpError(
      500,
      'INTERNAL',
      '服务暂时不可用，请稍后再试',
      'The service failed; please try again later',
    ),
    requestId,
  );
}

function send(error: HttpError, requestId: string): APIGatewayProxyResultV2 {
  const body = {
    error: {
      code: error.code,
      message: { 'zh-CN': error.zh, en: error.en },
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
  return { statusCode: error.statusCode, headers: HEADERS, body: JSON.stringify(body) };
}
