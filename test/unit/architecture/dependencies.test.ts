import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allExtensions, cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

// The architecture as a test: .dependency-cruiser.cjs holds the rules (no cycle, code flows one way, a pure
// shared/domain, local mode kept local, the web on the public contract), and this runs them.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = join(ROOT, 'test/fixtures/architecture');
/** What the platform is made of; test/ may import anything (it is the one place allowed into infra/local). */
const CRUISED = ['functions', 'shared', 'events', 'infra', 'web/src', 'scripts'];

async function cruised(baseDir: string, dirs: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(dirs, { ...options, baseDir });
  return output as ICruiseResult;
}

/** A package as its name (where it resolves to depends on the install), a file as its path. */
const named = (path: string) => path.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1');

/** Each violation on a line, as a reader would want it in the failure message. */
const violationsOf = (result: ICruiseResult) =>
  result.summary.violations.map((v) =>
    v.cycle
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')}`
      : `${v.rule.name}: ${v.from} -> ${named(v.to)}`,
  );

describe('the dependency rules', () => {
  it('can read TypeScript here, or they would pass having read nothing', () => {
    // dependency-cruiser reads .ts with a TypeScript compiler it can drive (<7 or >=7.1) or with @swc/core.
    expect(
      allExtensions.find((e) => e.extension === '.ts')?.available,
      'dependency-cruiser cannot parse .ts files: install @swc/core (a devDependency) or a TypeScript it supports',
    ).toBe(true);
  });

  it('catch a cycle and each wrong-way import, and let the allowed ones be', async () => {
    const result = await cruised(FIXTURE, ['functions', 'shared', 'infra', 'web']);
    expect(violationsOf(result).sort()).toEqual([
      'domain-no-aws: shared/domain/impure.ts -> npm:@aws-sdk/client-dynamodb',
      'domain-no-impure-node: shared/domain/impure.ts -> crypto',
      'domain-no-io: shared/domain/impure.ts -> functions/handler.ts',
      'domain-no-io: shared/domain/impure.ts -> shared/adapters/store.ts',
      'functions-not-to-outer: functions/handler.ts -> infra/local/engine.ts',
      'local-mode-stays-local: functions/handler.ts -> infra/local/engine.ts',
      'no-circular: shared/domain/cycle-a.ts -> shared/domain/cycle-b.ts -> shared/domain/cycle-a.ts',
      'shared-not-to-outer: shared/domain/impure.ts -> functions/handler.ts',
      'web-only-contract: web/src/page.ts -> shared/adapters/store.ts',
    ]);
  });

  it('hold for the platform: no cycle, no import the wrong way', async () => {
    const result = await cruised(ROOT, CRUISED);
    // Every file of the platform was read (about 400 of them), so a pass means something.
    expect(result.summary.totalCruised).toBeGreaterThan(300);
    expect(violationsOf(result)).toEqual([]);
  });
});

describe('shared/domain', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('reads no clock and draws no random number: time and randomness come in as arguments', () => {
    // What an import rule cannot see: the globals that read the time or draw randomness.
    const reads = /\bDate\.now\(|new Date\(\)|\bMath\.random\(|\bcrypto\.|\bperformance\.now\(/;
    const found = files(join(ROOT, 'shared/domain')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.trim(), at: `${file.slice(ROOT.length)}:${i + 1}` }))
        .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && reads.test(line))
        .map(({ line, at }) => `${at}: ${line}`),
    );
    expect(found).toEqual([]);
  });
});
