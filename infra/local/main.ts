import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PlatformClock } from './clock.ts';
import { parseInstant } from './clock-input.ts';
import { DEMO_USERS } from './identity/demo-users.ts';
import { LocalPlatform } from './platform.ts';
import { seedDemoData } from './seed.ts';
import { DEFAULT_RULES, SimulatorRules } from './simulator/rules.ts';
import { synthesize } from './synth.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Lambda runs in UTC; Date in the function workers follows the process's time zone.
process.env.TZ = 'UTC';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'no-synth': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: `${ROOT}.local/data` },
    // Simulated department systems answer review tasks (a hands-off demo); rules from a JSON file if given.
    'simulate-departments': { type: 'boolean', default: false },
    'simulator-rules': { type: 'string' },
    // The platform clock's start: an ISO 8601 instant with its offset, or a date (10:00 China time).
    now: { type: 'string' },
  },
});
const now = values.now ?? (process.env.TONGBAN_NOW || undefined);

const started = performance.now();
const say = (line: string) => console.log(`[tongban] ${line}`);

try {
  // A mistyped --now stops at once, not after a minute of synthesis.
  if (now !== undefined) {
    try {
      parseInstant(now);
    } catch (error) {
      throw new Error(`${values.now ? '--now' : 'TONGBAN_NOW'}: ${(error as Error).message}`);
    }
  }
  const assemblyDir = `${ROOT}cdk.out`;
  if (!values['no-synth']) {
    say('synthesizing the CDK app (cdk-nag and template validation included) ...');
    synthesize(assemblyDir);
  }
  say('starting the local platform from cdk.out ...');
  const platform = await LocalPlatform.start({
    assemblyDir,
    dataDir: values['data-dir'],
    fresh: values.fresh,
    port: Number(values.port),
    log: say,
    simulateDepartments: values['simulate-departments']
      ? simulatorRules(values['simulator-rules'])
      : undefined,
    clock: { now },
  });
  const seeded = await seedDemoData(platform.model, platform.dynamodb, platform.idHash);
  // The seed reaches the search index through the outbox and the hub; ready means searchable.
  await platform.idle();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(`
  通办 tongban is running (ready in ${seconds} s; this process ${rss} MB, DynamoDB Local's JVM beside it) — Ctrl-C stops it

    Web app         ${platform.url}/
    API             ${platform.url}/api/health
    API reference   ${platform.url}/local/api-docs   (OpenAPI 3.1: ${platform.url}/api/openapi.json)
    Local sign-in   ${platform.url}/local/sign-in   (POST ${platform.url}/local/token {"role": "citizen"})
    DynamoDB Local  ${platform.endpoints.dynamodb}
    S3              ${platform.endpoints.s3}
    AWS APIs        ${platform.endpoints.aws}   (EventBridge, Step Functions, Scheduler, Lambda, SQS, KMS)
    Data            ${values['data-dir']}${values.fresh ? ' (started fresh)' : ''}${seeded ? `, ${seeded} catalog items seeded` : ''}
    Departments     ${values['simulate-departments'] ? 'simulated: review tasks are answered by rules (--simulator-rules)' : 'decide in the reviewer inbox (or npm start -- --simulate-departments)'}${platformTime(platform.clock)}

  Demo users (role → user):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(10)} ${u.id.padEnd(22)} ${u.name}  ${u.description}`).join('\n')}
${await yearlyStep(platform.url)}`);

  let stopping = false;
  const stop = async () => {
    // A second Ctrl-C does not wait for the workflow steps under way: they run again after the next start.
    if (stopping) process.exit(130);
    stopping = true;
    say('stopping (workflow steps under way finish first; Ctrl-C again to stop at once) ...');
    await platform.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`\n[tongban] could not start: ${(error as Error).message}\n`);
  process.exit(1);
}

function simulatorRules(file: string | undefined) {
  return file ? SimulatorRules.parse(JSON.parse(readFileSync(file, 'utf8'))) : DEFAULT_RULES;
}

// Shown only when the platform does not run on the real time: it is easy to forget a --now given a week ago.
function platformTime(clock: PlatformClock): string {
  if (clock.offsetMs === 0) return '';
  const china = new Date(clock.nowMs() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const minutes = Math.round(Math.abs(clock.offsetMs) / 60_000);
  const [days, hours, rest] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const apart = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(' ');
  const relation = `${apart || 'under a minute'} ${clock.offsetMs > 0 ? 'ahead of' : 'behind'} the real time`;
  return `\n    Platform time   ${china} China time (${relation}; GET/POST /local/clock)`;
}

/** The yearly step, as the platform reports it: the next year's holidays, when missing within 60 days of it. */
async function yearlyStep(url: string): Promise<string> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as {
    calendar?: { warning?: { 'zh-CN': string; en: string } };
  };
  const warning = health.calendar?.warning;
  return warning ? `\n  ⚠ ${warning['zh-CN']}\n    ${warning.en}\n` : '';
}
