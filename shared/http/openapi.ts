import { z } from 'zod';
import { sharedResponseComponents, sharedResponsesOf } from './openapi-responses.ts';
import { ROUTES, type RouteSpec } from './routes.ts';
import { ErrorBody, GatewayError } from './schemas/common.ts';

type Json = Record<string, unknown>;

/** JSON Schema of a zod schema, its named parts moved to the document's shared components. */
function schemaOf(schema: z.ZodType, components: Json, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const defs = (json.$defs ?? {}) as Record<string, Json>;
  delete json.$defs;
  delete json.$schema;
  const relink = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(relink);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) =>
          k === '$ref' && typeof v === 'string'
            ? [k, v.replace('#/$defs/', '#/components/schemas/')]
            : [k, relink(v)],
        ),
      );
    }
    return value;
  };
  for (const [id, def] of Object.entries(defs)) components[id] = relink(def);
  const id = json.id as string | undefined;
  if (id) {
    delete json.id;
    components[id] = relink(json);
    return { $ref: `#/components/schemas/${id}` };
  }
  return relink(json) as Json;
}

function parameters(route: RouteSpec, components: Json): Json[] {
  const out: Json[] = [];
  for (const where of ['path', 'query'] as const) {
    const schema = route.request?.[where];
    if (!schema) continue;
    const object = schemaOf(schema, components, 'input') as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

/** `GET /api/cases/{id}` → `getApiCasesId`: unique, because method and path are. */
const operationIdOf = (route: RouteSpec) =>
  `${route.method.toLowerCase()}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string) => (c ?? '').toUpperCase())}`;

/**
 * The OpenAPI 3.1 document of every route, generated from the zod schemas the handlers validate with. It passes
 * Redocly's `recommended` rules (test/infra/openapi-lint.test.ts): public operations say `security: []`, and every
 * operation lists its 4xx answers, those of the layers in front of its handler included.
 */
export function openApiDocument(info: { version: string; serverUrl?: string }): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  // The error bodies are components whether or not a route names them: the shared responses refer to both.
  schemaOf(ErrorBody, components, 'output');
  schemaOf(GatewayError, components, 'output');
  for (const route of ROUTES) {
    const responses: Json = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema
          ? { content: { 'application/json': { schema: schemaOf(response.schema, components, 'output') } } }
          : {}),
      };
    }
    const operation: Json = {
      operationId: operationIdOf(route),
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route, components),
      responses: { ...responses, ...sharedResponsesOf(route) },
      // An empty list says "no token needed" explicitly, where a missing one would mean "not documented".
      security: route.auth === 'public' ? [] : [{ [route.auth]: [] }],
      ...(route.request?.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.request.body, components, 'input') } },
            },
          }
        : {}),
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tongban (通办) API',
      version: info.version,
      description: 'The public API of tongban, an integrated provincial government-services platform.',
      // package.json declares no licence (the project is private), so none is granted: SPDX's way of saying so
      // is a LicenseRef. Name the real licence here once the owner grants one.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: info.serverUrl ?? '/', description: 'This deployment: the API is served under /api' }],
    paths,
    components: {
      schemas: components,
      responses: sharedResponseComponents(paths),
      securitySchemes: {
        citizens: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of the citizens pool',
        },
        staff: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of the staff pool',
        },
      },
    },
  };
}
