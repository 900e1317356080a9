import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
  },
});

const started = performance.now();
const say = (line: string) => console.log(`[tongban] ${line}`);

try {
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
  });
  const seeded = await seedDemoData(platform.model, platform.dynamodb);
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
    Departments     ${values['simulate-departments'] ? 'simulated: review tasks are answered by rules (--simulator-rules)' : 'decide in the reviewer inbox (or npm start -- --simulate-departments)'}

  Demo users (role → user):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(10)} ${u.id.padEnd(22)} ${u.name}  ${u.description}`).join('\n')}
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping ...');
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
