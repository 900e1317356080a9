import { timingSafeEqual } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import { logger } from '../adapters/logger.ts';
import { DomainError, InvalidInputError, type Refusal } from '../domain/errors.ts';
import { badRequest, HttpError } from './errors.ts';
import { MAX_BODY_BYTES } from './limits.ts';

export interface HttpRequest extends APIGatewayProxyEventV2 {
  /** The parsed JSON body, or undefined when the request has none. */
  json?: unknown;
}

/** What a capability returns: a body (200) or a full response. */
export type HttpResult = { statusCode: number; body?: unknown; headers?: Record<string, string> } | object;

type Fn = (request: HttpRequest, context: Context) => Promise<HttpResult>;

/**
 * With a domain, the API's only callers are CloudFront, which adds this token to every request it forwards
 * (infra/constructs/api-origin.ts): a request without it came past the WAF and is refused as API Gateway
 * would refuse it. Without a domain (dev, local mode) there is no token and no check.
 */
const ORIGIN_TOKEN = process.env.ORIGIN_TOKEN ? Buffer.from(process.env.ORIGIN_TOKEN) : undefined;

const fromFrontDoor = (event: APIGatewayProxyEventV2): boolean => {
  if (!ORIGIN_TOKEN) return true;
  const sent = Buffer.from(event.headers?.['x-tongban-origin'] ?? '');
  return sent.length === ORIGIN_TOKEN.length && timingSafeEqual(sent, ORIGIN_TOKEN);
};

/**
 * API Gateway's JWT authorizer also takes a bare token, or `bearer` in any case; a protected route takes only
 * `Authorization: Bearer <JWT>` (RFC 6750), so that nothing else a client sends is ever read as a credential.
 */
const BEARER = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/;
const bearerOnly = (event: APIGatewayProxyEventV2): boolean => {
  const authorizer = (event.requestContext as { authorizer?: unknown } | undefined)?.authorizer;
  return authorizer === undefined || BEARER.test(event.headers?.authorization ?? '');
};

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * The middy stack every HTTP capability shares: structured logs with the request context, header names
 * lower-cased (API Gateway's HTTP API already sends them so; a direct invocation or a test may not, and every
 * read below and in the capabilities — authorization, idempotency-key, content-type — is by the lower-case
 * name), JSON bodies parsed here with a clear 400 on bad JSON (by hand rather than with
 * @middy/http-json-body-parser, whose 415/422 http-errors would not carry the zh/en refusal body), and every DomainError answered with its status and
 * `{ error: { code, message } }` here, in one place — a 500 only for what no user input can cause.
 */
export function httpHandler(fn: Fn) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    .handler(async (event, context) => {
      if (!fromFrontDoor(event)) {
        return { statusCode: 403, headers: HEADERS, body: JSON.stringify({ message: 'Forbidden' }) };
      }
      if (!bearerOnly(event)) {
        return { statusCode: 401, headers: HEADERS, body: JSON.stringify({ message: 'Unauthorized' }) };
      }
      try {
        const request: HttpRequest = { ...event, json: parseBody(event) };
        return toResponse(await fn(request, context));
      } catch (error) {
        return errorResponse(error, context.awsRequestId);
      }
    });
}

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === '') return undefined;
  if (Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') > MAX_BODY_BYTES) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', '请求内容超过 64 KiB', 'The request body is over 64 KiB');
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

const INTERNAL: Refusal = {
  code: 'INTERNAL',
  zh: '服务暂时不可用，请稍后再试',
  en: 'The service failed; please try again later',
};

function errorResponse(error: unknown, requestId: string): APIGatewayProxyResultV2 {
  const known = error instanceof ZodError ? new InvalidInputError(error) : error;
  // A 500 is the platform's fault: what went wrong is for the log, never for the caller.
  if (known instanceof DomainError && known.status !== 500) {
    return send(known.status, known.refusal(), requestId);
  }
  logger.error('unhandled error', { error: known as Error });
  return send(500, INTERNAL, requestId);
}

function send(status: number, refusal: Refusal, requestId: string): APIGatewayProxyResultV2 {
  const body = {
    error: {
      code: refusal.code,
      message: { 'zh-CN': refusal.zh, en: refusal.en },
      ...(refusal.details === undefined ? {} : { details: refusal.details }),
      requestId,
    },
  };
  return { statusCode: status, headers: HEADERS, body: JSON.stringify(body) };
}
