#!/usr/bin/env node
// `npm test`: prepares what the tests need on a fresh machine, then lints, type-checks and runs every test.
import { execSync, spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

// DynamoDB Local is a Java program.
if (!has('java')) {
  console.log('[test] installing Java 17 for DynamoDB Local ...');
  execSync('apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless', { stdio: 'inherit' });
}

run('npx', ['biome', 'check', '.']);
run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
