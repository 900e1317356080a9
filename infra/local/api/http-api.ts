import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalIssuer } from '../identity/issuer.ts';
import type { InvokeResult } from '../lambda/types.ts';
import { type LocalRoute, matchRoute } from './routes.ts';

export interface LocalHttpApiOptions {
  routes: LocalRoute[];
  invoke(functionArn: string, event: unknown): Promise<InvokeResult>;
  issuer: LocalIssuer;
  apiId: string;
  account: string;
  log?(line: string): void;
}

const MAX_PAYLOAD = 10 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

/**
 * An API Gateway HTTP API on localhost: route selection, the JWT authorizer, the payload format 2.0 event,
 * and the gateway's own error responses (`{"message": ...}`), exactly as a deployed client would see them.
 */
export class LocalHttpApi {
  constructor(private readonly options: LocalHttpApiOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(this.options.routes, method, url.pathname);
    if (!match) return gatewayError(res, 404, 'Not Found');
    if (body.length > MAX_PAYLOAD) return gatewayError(res, 413, 'Request Entity Too Large');

    const { route } = match;
    let claims: Record<string, string> | undefined;
    if (route.authorizer) {
      claims = await this.authorize(req, route);
      if (!claims) {
        res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        return gatewayError(res, 401, 'Unauthorized');
      }
    }
    const event = this.toEvent(req, url, body, route, match.pathParameters, claims);
    let result: InvokeResult;
    try {
      result = await this.options.invoke(route.functionArn, event);
    } catch (error) {
      // Lambda refused the invocation itself: an event over its 6 MB is the caller's 413, anything else the
      // gateway's plain 500 — never Lambda's own message.
      this.options.log?.(`${route.routeKey}: ${(error as Error).name}: ${(error as Error).message}`);
      const tooLarge = (error as Error).name === 'RequestEntityTooLargeException';
      return tooLarge
        ? gatewayError(res, 413, 'Request Entity Too Large')
        : gatewayError(res, 500, 'Internal Server Error');
    }
    if (!result.ok) {
      this.options.log?.(`${route.routeKey}: ${result.error.errorType}: ${result.error.errorMessage}`);
      return gatewayError(
        res,
        result.error.errorType === 'Sandbox.Timedout' ? 503 : 500,
        errorMessage(result),
      );
    }
    return sendResult(res, result.payload);
  }

  private async authorize(
    req: IncomingMessage,
    route: LocalRoute,
  ): Promise<Record<string, string> | undefined> {
    const header = req.headers.authorization;
    if (!header || !route.authorizer) return undefined;
    const token = header.replace(/^Bearer\s+/i, '');
    try {
      const payload = await this.options.issuer.verify(
        token,
        route.authorizer.issuer,
        route.authorizer.audience,
      );
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, claimText(v)]));
    } catch {
      return undefined;
    }
  }

  private toEvent(
    req: IncomingMessage,
    url: URL,
    body: Buffer,
    route: LocalRoute,
    pathParameters: Record<string, string> | undefined,
    claims: Record<string, string> | undefined,
  ) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === 'cookie') continue;
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);
    const contentType = headers['content-type'] ?? '';
    const text = body.length === 0 || TEXT_TYPES.test(contentType) || contentType === '';
    const now = new Date();
    return {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      ...(cookies?.length ? { cookies } : {}),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(pathParameters ? { pathParameters } : {}),
      requestContext: {
        accountId: this.options.account,
        apiId: this.options.apiId,
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        domainName: headers.host ?? 'localhost',
        domainPrefix: (headers.host ?? 'localhost').split('.')[0],
        http: {
          method: (req.method ?? 'GET').toUpperCase(),
          path: url.pathname,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: route.routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
      },
      ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: !text,
    };
  }
}

/** HTTP APIs hand claims to integrations as strings; lists become `[a b]`. */
function claimText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function errorMessage(result: Extract<InvokeResult, { ok: false }>): string {
  return result.error.errorType === 'Sandbox.Timedout' ? 'Service Unavailable' : 'Internal Server Error';
}

function gatewayError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

/** Payload format 2.0 responses: a full response object, or any other JSON value sent as the body. */
function sendResult(res: ServerResponse, payload: unknown): void {
  if (payload && typeof payload === 'object' && 'statusCode' in payload) {
    const r = payload as {
      statusCode: number;
      headers?: Record<string, string | number | boolean>;
      cookies?: string[];
      body?: string;
      isBase64Encoded?: boolean;
    };
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
    if (r.cookies?.length) headers['set-cookie'] = r.cookies;
    res.writeHead(r.statusCode, headers);
    res.end(r.body === undefined ? undefined : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8'));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload));
}
