import { describe, expect, it } from 'vitest';
import { type LocalRoute, matchRoute } from '../../../infra/local/api/routes.ts';

const route = (routeKey: string): LocalRoute => {
  const [method = 'ANY', path = ''] = routeKey === '$default' ? [] : routeKey.split(' ');
  return { routeKey, method, path, functionArn: routeKey, timeoutMs: 30_000 };
};
const routes = [
  'GET /api/cases',
  'GET /api/cases/{id}',
  'GET /api/cases/mine',
  'ANY /api/{proxy+}',
  'POST /api/cases',
].map(route);

describe('HTTP API route selection', () => {
  it('prefers a literal segment over a path parameter', () => {
    expect(matchRoute(routes, 'GET', '/api/cases/mine')?.route.routeKey).toBe('GET /api/cases/mine');
  });

  it('captures path parameters, decoded', () => {
    const match = matchRoute(routes, 'GET', '/api/cases/%E5%8A%9E1');
    expect(match?.route.routeKey).toBe('GET /api/cases/{id}');
    expect(match?.pathParameters).toEqual({ id: '办1' });
  });

  it('falls back to a greedy route, then to nothing', () => {
    expect(matchRoute(routes, 'DELETE', '/api/cases/1')?.route.routeKey).toBe('ANY /api/{proxy+}');
    expect(matchRoute(routes, 'GET', '/other')).toBeUndefined();
  });

  it('selects by method', () => {
    expect(matchRoute(routes, 'POST', '/api/cases')?.route.routeKey).toBe('POST /api/cases');
  });

  it('sends unmatched requests to $default when there is one', () => {
    expect(matchRoute([...routes, route('$default')], 'GET', '/other')?.route.routeKey).toBe('$default');
  });
});
