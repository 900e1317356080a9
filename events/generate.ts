import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from './json-schemas.ts';

/**
 * Writes events/schemas/<source>/<detail-type>.json from the zod schemas (`npx tsx events/generate.ts`), removes
 * schemas of detail-types that are gone, and formats them as the linter wants them. A unit test fails while the
 * files differ from what this would write.
 */
const EVENTS = dirname(fileURLToPath(import.meta.url));
const ROOT = join(EVENTS, 'schemas');

const schemas = jsonSchemas();
rmSync(ROOT, { recursive: true, force: true });
for (const [path, schema] of schemas) {
  const file = join(EVENTS, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}
const biome = join(EVENTS, '..', 'node_modules', '.bin', 'biome');
execFileSync(biome, ['format', '--write', relative(process.cwd(), ROOT) || '.'], { stdio: 'inherit' });
const written = readdirSync(ROOT, { recursive: true }).filter((f) => String(f).endsWith('.json'));
console.log(`${written.length} JSON Schemas in ${relative(process.cwd(), ROOT)}`);
