import { defineConfig } from 'vitest/config';

// Unit and infra tests run in-process; integration and e2e tests share one local platform,
// started once per run by the global setup (see test/integration/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'threads',
        },
      },
    ],
  },
});
