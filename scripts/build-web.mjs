#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than its sources, so `npm start`, `npm test` and
// synthesis (which packages web/dist as the web stack's asset) always see the current app without paying for a
// rebuild each time. `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = join(root, 'web/dist/index.html');
// The app imports the API's schema types and two pure modules from shared/.
const sources = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'package-lock.json',
  'shared',
];

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const stale =
  process.argv.includes('--force') ||
  !existsSync(built) ||
  Math.max(...sources.map((s) => newest(join(root, s)))) > statSync(built).mtimeMs;

if (stale) {
  console.log('[web] building the web app (vite) ...');
  const { status } = spawnSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
