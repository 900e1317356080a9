import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi.ts';

const REDOCLY_CLI = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, { $ref?: string; content?: unknown }> };

const doc = openApiDocument({ version: 'test' }) as { paths: Record<string, Record<string, Operation>> };
const dir = mkdtempSync(join(tmpdir(), 'tongban-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Redocly's own CLI on the generated document, with its `recommended` rules and no project config. */
let runs = 0;
async function lint(document: object): Promise<LintReport> {
  const file = join(dir, `openapi-${++runs}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const args = [REDOCLY_CLI, 'lint', '--extends', 'recommended', '--format', 'json', file];
  // No telemetry or update check: a test must not call out to the network.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir, env });
    return JSON.parse(stdout);
  } catch (error) {
    // It exits with 1 when it finds an error; the report is still on stdout.
    const { stdout } = error as { stdout?: string };
    if (!stdout) throw error;
    return JSON.parse(stdout);
  }
}

const describeProblems = (report: LintReport) =>
  report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);

describe('the generated OpenAPI document', () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const report = await lint(doc);
    expect(describeProblems(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('is refused by the same check when an operation loses its security', async () => {
    // Given the document with one public operation's `security: []` removed
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, Json>> };
    delete broken.paths['/api/health']!.get!.security;
    // Then the lint reports it, so the test above cannot pass by not looking
    const report = await lint(broken);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.ruleId)).toContain('security-defined');
  });

  it("answers every 4xx with the platform's error body, but API Gateway's own (401, 429) with its message", () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const clientErrors = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
        expect(clientErrors.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of clientErrors) {
          const where = `${method.toUpperCase()} ${path} ${status}`;
          if (status === '401') expect(response.$ref, where).toBe('#/components/responses/Unauthorized');
          else if (status === '429')
            expect(response.$ref, where).toBe('#/components/responses/TooManyRequests');
          else if (response.$ref)
            expect(response.$ref, where).toBe(
              status === '413'
                ? '#/components/responses/PayloadTooLarge'
                : '#/components/responses/UnsupportedMediaType',
            );
          else
            expect(response.content, where).toEqual({
              'application/json': { schema: { $ref: '#/components/schemas/Error' } },
            });
        }
      }
    }
  });
});
