import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { LocalPlatform } from '../../infra/local/platform.ts';
import { seedDemoData } from '../../infra/local/seed.ts';
import { usePlatform } from './local.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A platform of this test file's own, from the app the global setup synthesized, seeded like the shared one:
 * for scenarios that move its clock to the day they need, or stop and start it. The file's calls go to it
 * until `stop`.
 */
export async function ownPlatform(options: { now?: string; name: string }) {
  const runDir = `${ROOT}.local/test/${options.name}-${process.pid}`;
  const platform = await LocalPlatform.start({
    assemblyDir: inject('assemblyDir'),
    dataDir: `${runDir}/data`,
    fresh: true,
    port: 0,
    log: () => {},
    ...(options.now ? { clock: { now: options.now } } : {}),
  });
  await seedDemoData(platform.model, platform.dynamodb, platform.idHash);
  await platform.idle();
  usePlatform({ url: platform.url, endpoints: platform.endpoints });
  return {
    platform,
    async stop() {
      usePlatform(undefined);
      await platform.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
