import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../shared/http/openapi.ts';
import { ROUTES } from '../../../shared/http/routes.ts';
import { ListMattersQuery } from '../../../shared/http/schemas/catalog.ts';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; required: boolean }[];
        responses: Record<string, unknown>;
        security?: unknown[];
        requestBody?: unknown;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};
const doc = openApiDocument({ version: 'test' }) as Doc;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route of the API', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES)
      expect(doc.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
  });

  it('takes query parameters from the zod schema the handler validates with', () => {
    const names = doc.paths['/api/matters']!.get!.parameters.map((p) => p.name);
    expect(names).toEqual(Object.keys(ListMattersQuery.shape));
  });

  it('marks path parameters required and secured routes with their user pool', () => {
    const guide = doc.paths['/api/matters/{implementationCode}']!.get!;
    expect(guide.parameters.find((p) => p.in === 'path')).toMatchObject({
      name: 'implementationCode',
      required: true,
    });
    expect(doc.paths['/api/catalog/adjustments']!.post!.security).toEqual([{ staff: [] }]);
    expect(doc.paths['/api/catalog/adjustments']!.post!.responses['401']).toBeDefined();
  });

  it('resolves every $ref to a component it defines', () => {
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('has component schemas that are valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    // As a standalone JSON Schema document, the components become $defs, references included.
    const defs = JSON.parse(
      JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
    );
    for (const [name, schema] of Object.entries(defs)) {
      expect(() => ajv.compile({ ...(schema as object), $defs: defs }), name).not.toThrow();
    }
  });
});
