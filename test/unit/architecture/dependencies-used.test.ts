import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A runtime dependency nothing imports is weight in every bundle's install and a supply-chain risk for nothing
// (issue 18 item 4): each entry of package.json `dependencies` must be imported or required, by its name or a
// subpath of it, by some file of the platform.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED = ['functions', 'shared', 'infra', 'events', 'web/src', 'scripts'];
const SOURCE = /\.(m|c)?[jt]sx?$/;

/**
 * Dependencies used by name rather than by an import, each with the reason. Empty today: every runtime
 * dependency is imported. (CDK, constructs and esbuild are devDependencies, which this test does not read.)
 */
const USED_WITHOUT_IMPORT: Record<string, string> = {};

const files = (dir: string): string[] => {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.name === 'node_modules' || e.name.startsWith('.')
      ? []
      : e.isDirectory()
        ? files(join(dir, e.name))
        : SOURCE.test(e.name)
          ? [join(dir, e.name)]
          : [],
  );
};

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `from 'pkg'`, `import 'pkg'`, `import('pkg')`, `require('pkg')`, each also with a `/subpath`. */
const importOf = (name: string) =>
  new RegExp(
    `(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)['"]${literal(name)}(?:/[^'"]*)?['"]`,
  );

describe('package.json dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const names = Object.keys(pkg.dependencies ?? {});
  const sources = SCANNED.flatMap((dir) => files(join(ROOT, dir))).map((file) => readFileSync(file, 'utf8'));

  it('reads the platform, so a pass means something', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(sources.length).toBeGreaterThan(300);
  });

  it('are each imported by some file of the platform, or listed with a reason', () => {
    const unused = names.filter(
      (name) => !(name in USED_WITHOUT_IMPORT) && !sources.some((text) => importOf(name).test(text)),
    );
    expect(
      unused,
      'runtime dependencies nothing imports: remove them from package.json and package-lock.json',
    ).toEqual([]);
  });

  it('list as exceptions only what is still a dependency', () => {
    expect(Object.keys(USED_WITHOUT_IMPORT).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('the import pattern tells an import of the package from one of a longer name', () => {
    const pattern = importOf('@middy/core');
    expect(pattern.test("import middy from '@middy/core';")).toBe(true);
    expect(pattern.test("const m = await import('@middy/core/index.js');")).toBe(true);
    expect(pattern.test("const m = require('@middy/core')")).toBe(true);
    expect(pattern.test("import x from '@middy/core-extra';")).toBe(false);
  });
});
