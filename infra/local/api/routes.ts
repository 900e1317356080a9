import type { TemplateModel } from '../assembly/model.ts';
import { UnsupportedTemplatePropertyError } from '../errors.ts';

export interface JwtAuthorizer {
  name: string;
  issuer: string;
  audience: string[];
}

export interface LocalRoute {
  routeKey: string;
  /** Upper-case method, or ANY. */
  method: string;
  /** Path template such as /api/matters/{implementationCode} or /api/{proxy+}; empty for $default. */
  path: string;
  functionArn: string;
  timeoutMs: number;
  authorizer?: JwtAuthorizer;
}

/** The routes of every HTTP API in the app, read from its Route, Integration and Authorizer resources. */
export function routesFromModel(model: TemplateModel): LocalRoute[] {
  const byRef = (type: string, ref: string) => {
    const found = model.ofType(type).find((r) => model.ref(r) === ref);
    if (!found) throw new Error(`no ${type} with id ${ref}`);
    return found;
  };
  return model.ofType('AWS::ApiGatewayV2::Route').map((route) => {
    const props = model.properties(route);
    const routeKey = String(props.RouteKey);
    const target = String(props.Target ?? '');
    if (!target.startsWith('integrations/')) {
      throw new UnsupportedTemplatePropertyError(
        route.path,
        route.type,
        'Target',
        'a route needs an integration',
      );
    }
    const integration = byRef('AWS::ApiGatewayV2::Integration', target.slice('integrations/'.length));
    const ip = model.properties(integration);
    if (ip.IntegrationType !== 'AWS_PROXY' || ip.PayloadFormatVersion !== '2.0') {
      throw new UnsupportedTemplatePropertyError(
        integration.path,
        integration.type,
        'IntegrationType',
        'only Lambda proxy integrations with payload format 2.0 run locally',
      );
    }
    const [method = 'ANY', path = ''] = routeKey === '$default' ? ['ANY', ''] : routeKey.split(' ');
    let authorizer: JwtAuthorizer | undefined;
    if (props.AuthorizationType === 'JWT') {
      const a = model.properties(byRef('AWS::ApiGatewayV2::Authorizer', String(props.AuthorizerId)));
      const jwt = a.JwtConfiguration as { Issuer: string; Audience: string[] };
      authorizer = { name: String(a.Name), issuer: jwt.Issuer, audience: jwt.Audience };
    } else if (props.AuthorizationType && props.AuthorizationType !== 'NONE') {
      throw new UnsupportedTemplatePropertyError(
        route.path,
        route.type,
        `AuthorizationType ${props.AuthorizationType}`,
      );
    }
    return {
      routeKey,
      method,
      path,
      functionArn: String(ip.IntegrationUri),
      timeoutMs: Number(ip.TimeoutInMillis ?? 30_000),
      authorizer,
    };
  });
}

export interface RouteMatch {
  route: LocalRoute;
  pathParameters?: Record<string, string>;
}

/**
 * HTTP API route selection: the most specific path wins (literal segments over {param} over {proxy+}), a
 * method route over ANY, and $default catches the rest.
 */
export function matchRoute(routes: LocalRoute[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').filter(Boolean);
  const candidates: { match: RouteMatch; score: number[] }[] = [];
  for (const route of routes) {
    if (route.routeKey === '$default' || (route.method !== 'ANY' && route.method !== method)) continue;
    const params = matchPath(route.path, segments);
    if (!params) continue;
    const template = route.path.split('/').filter(Boolean);
    const literals = template.filter((s) => !s.startsWith('{')).length;
    const greedy = template.some((s) => s.endsWith('+}')) ? 1 : 0;
    candidates.push({
      match: { route, pathParameters: Object.keys(params).length ? params : undefined },
      score: [-greedy, literals, template.length, route.method === 'ANY' ? 0 : 1],
    });
  }
  candidates.sort((a, b) => compare(b.score, a.score));
  if (candidates[0]) return candidates[0].match;
  const fallback = routes.find((r) => r.routeKey === '$default');
  return fallback ? { route: fallback } : undefined;
}

function matchPath(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('{') && part.endsWith('+}')) {
      if (i >= segments.length) return undefined;
      params[part.slice(1, -2)] = segments.slice(i).map(decode).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith('{')) params[part.slice(1, -1)] = decode(segment);
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
