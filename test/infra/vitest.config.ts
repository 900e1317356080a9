import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The infra tests synthesize the CDK app in-process. The repository's config only runs test/unit, so these run
// with `npx vitest run --config test/infra/vitest.config.ts`.
export default defineConfig({
  test: {
    name: 'infra',
    root: fileURLToPath(new URL('../../', import.meta.url)),
    include: ['test/infra/**/*.test.ts'],
    // Each file synthesizes once in beforeAll; bundling with esbuild can take a while on a busy machine.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
