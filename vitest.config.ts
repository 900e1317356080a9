import { defineConfig } from 'vitest/config';

// Unit tests run in-process and in parallel. Integration tests and the browser tests share ONE local platform,
// started by the root global setup (once per run, and only when one of them is selected), so the engines start
// once per run. The CDK assertions synthesize the app themselves.
export default defineConfig({
  test: {
    globalSetup: ['test/integration/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'threads',
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/integration/no-stuck-cases.ts'],
          pool: 'forks',
          // Ceilings, not expectations: tests wait on what the platform reports, and these only end a test that
          // would otherwise wait for ever, on however loaded a machine.
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        // Real Chromium against the built app: one browser per file, files one after another, so the browser
        // and the platform do not fight the integration tests for the two cores more than they must.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
