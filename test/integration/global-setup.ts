import { mkdirSync } from 'node:fs';
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

/** Synthesizes the app once and runs it as `npm start` would, on a free port with fresh data. */
export default async function setup(project: TestProject) {
  const assemblyDir = `${ROOT}.local/test/cdk.out`;
  mkdirSync(assemblyDir, { recursive: true });
  synthesize(assemblyDir);
  const platform = await LocalPlatform.start({
    assemblyDir,
    dataDir: `${ROOT}.local/test/data`,
    fresh: true,
    port: 0,
    log: () => {},
  });
  try {
    await seedDemoData(platform.model, platform.dynamodb);
    await platform.idle();
  } catch (error) {
    await platform.stop();
    throw error;
  }
  project.provide('baseUrl', platform.url);
  project.provide('assemblyDir', assemblyDir);
  project.provide('endpoints', platform.endpoints);
  return () => platform.stop();
}
