#!/usr/bin/env node
// `npm test`: prepares what the tests need on a fresh machine, then lints, type-checks and runs every test.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

// DynamoDB Local is a Java program; the browser tests drive Debian's Chromium (never a downloaded browser).
const missing = [
  ...(has('java') ? [] : ['openjdk-17-jre-headless']),
  ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
  // Chinese text in the browser tests' screenshots.
  ...(existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc') ? [] : ['fonts-wqy-microhei']),
];
if (missing.length > 0) {
  console.log(`[test] installing ${missing.join(', ')} ...`);
  execSync(`apt-get update -qq && apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}

// The web stack packages web/dist, so the app is built before anything synthesizes it.
run('node', ['scripts/build-web.mjs']);
run('npx', ['biome', 'check', '.']);
run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['tsc', '--noEmit', '-p', 'web']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
