import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { LocalPlatform } from '../../infra/local/platform.ts';
import { seedDemoData } from '../../infra/local/seed.ts';
import { synthesize } from '../../infra/local/synth.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    assemblyDir: string;
    endpoints: Record<string, string>;
  }
}

/** The projects that talk to the running platform; the others (unit, infra) do not wait for it to start. */
const USERS = ['integration', 'e2e'];

/**
 * Synthesizes the app once and runs it as `npm start` would, on a free port with fresh data. It is the root
 * config's global setup, so the integration and browser tests share one platform per run.
 */
export default async function setup(project: TestProject) {
  if (!project.vitest.projects.some((p) => USERS.includes(p.name))) return;
  // A folder per run: two runs at once (a developer's and an editor's, say) must not wipe each other's data.
  const runDir = `${ROOT}.local/test/run-${process.pid}`;
  const assemblyDir = `${runDir}/cdk.out`;
  mkdirSync(assemblyDir, { recursive: true });
  synthesize(assemblyDir);
  const platform = await LocalPlatform.start({
    assemblyDir,
    dataDir: `${runDir}/data`,
    fresh: true,
    port: 0,
    log: () => {},
    // Human resources' reviews are answered by a simulated department system (test/integration/simulator.test.ts);
    // no other test uses that department, so its tasks are left to reviewers.
    simulateDepartments: [{ department: 'human-resources', outcome: 'approve', delaySeconds: 0 }],
    // TONGBAN_NOW runs the whole suite at another date (test/support/local.ts reads the platform's time).
    clock: process.env.TONGBAN_NOW ? { now: process.env.TONGBAN_NOW } : undefined,
  });
  try {
    await seedDemoData(platform.model, platform.dynamodb, platform.idHash);
    await platform.idle();
  } catch (error) {
    await platform.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', platform.url);
  project.provide('assemblyDir', assemblyDir);
  project.provide('endpoints', platform.endpoints);
  return async () => {
    await platform.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
}
