import type { RouteSpec } from './routes.ts';

type Json = Record<string, unknown>;

const ERROR = { $ref: '#/components/schemas/Error' };
const GATEWAY_ERROR = { $ref: '#/components/schemas/GatewayError' };

/**
 * Responses that no route lists itself, because a layer every route shares gives them: API Gateway (a missing or
 * bad token, the stage's throttling; its own `{"message"}` body), the WAF and the middy stack (a body that is
 * too large or not JSON, with the platform's error body). They are components, so each operation only refers to them.
 */
const SHARED = {
  Unauthorized: {
    status: '401',
    description: 'Missing, expired or invalid token (answered by API Gateway)',
    schema: GATEWAY_ERROR,
  },
  PayloadTooLarge: {
    status: '413',
    description: 'The request body is over 64 KiB (answered by the WAF or the middy stack)',
    schema: ERROR,
  },
  UnsupportedMediaType: {
    status: '415',
    description: 'The request body is not JSON: send it as application/json',
    schema: ERROR,
  },
  TooManyRequests: {
    status: '429',
    description: "Over the API stage's rate limit (answered by API Gateway): try again shortly",
    schema: GATEWAY_ERROR,
  },
} as const;

type SharedName = keyof typeof SHARED;

/** The shared responses a route can get, by status, as references to their components. */
export function sharedResponsesOf(route: RouteSpec): Record<string, Json> {
  const names: SharedName[] = [
    ...(route.auth === 'public' ? [] : (['Unauthorized'] as const)),
    ...(route.request?.body ? (['PayloadTooLarge', 'UnsupportedMediaType'] as const) : []),
    'TooManyRequests',
  ];
  return Object.fromEntries(
    names.map((name) => [SHARED[name].status, { $ref: `#/components/responses/${name}` }]),
  );
}

/** The shared responses as components; only those an operation refers to, so none is left unused. */
export function sharedResponseComponents(paths: Record<string, Json>): Record<string, Json> {
  const used = JSON.stringify(paths);
  return Object.fromEntries(
    Object.entries(SHARED)
      .filter(([name]) => used.includes(`"#/components/responses/${name}"`))
      .map(([name, { description, schema }]) => [
        name,
        { description, content: { 'application/json': { schema } } },
      ]),
  );
}
