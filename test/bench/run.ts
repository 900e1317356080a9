import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { readCloudAssembly } from '../../infra/local/assembly/cloud-assembly.ts';
import { TemplateModel } from '../../infra/local/assembly/model.ts';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { runCasesBench } from './cases.ts';
import { runEventsBench } from './events.ts';
import { treeRssMiB } from './process-tree.ts';
import { printSearchBench, runSearchBench } from './search.ts';
import { ms, percentile, timeEach } from './stats.ts';

// `npm run bench`: starts `npm start` as a user would (in its own data folder) and measures it from outside.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 3900 + Math.floor(Math.random() * 90);
const N = Number(process.env.BENCH_REQUESTS ?? 300);
const results: Record<string, unknown> = {};

const started = performance.now();
const child = spawn(
  `${ROOT}node_modules/.bin/tsx`,
  ['infra/local/main.ts', '--fresh', '--port', String(PORT), '--data-dir', `${ROOT}.local/bench/data`],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
let output = '';
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, treeRssMiB(child.pid!));
}, 100);

await new Promise<void>((resolve, reject) => {
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('is running')) resolve();
  });
  child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
});
results.startToReadySeconds = (performance.now() - started) / 1000;
const base = `http://localhost:${PORT}`;
const health = await fetch(`${base}/api/health`);
if (health.status !== 200) throw new Error(`health answered ${health.status}`);

// The search function's first call pays its cold start: worker, module import, index download and parse.
const searchUrl = `${base}/api/matters?q=${encodeURIComponent('开饭店')}&region=610100`;
const [coldSearch] = await timeEach(1, () => fetch(searchUrl).then((r) => r.arrayBuffer()));
const warmSearch = await timeEach(100, () => fetch(searchUrl).then((r) => r.arrayBuffer()));
results.searchViaApi = {
  coldMs: coldSearch,
  p50: percentile(warmSearch, 50),
  p95: percentile(warmSearch, 95),
};

const model = new TemplateModel(readCloudAssembly(`${ROOT}cdk.out`), LOCAL_ACCOUNT);
const table = model.ref(
  model.ofType('AWS::DynamoDB::Table').find((t) => t.logicalId.startsWith('MattersTable'))!,
);
const endpoint = /DynamoDB Local\s+(\S+)/.exec(output)![1]!;
const dynamodb = new DynamoDBClient({
  endpoint,
  region: LOCAL_ACCOUNT.region,
  credentials: LOCAL_CREDENTIALS,
});
const key = { pk: { S: 'ITEM#000109001000610100' }, sk: { S: 'CURRENT' } };

const getItem = () => dynamodb.send(new GetItemCommand({ TableName: table, Key: key }));
const viaApi = () => fetch(`${base}/api/matters/000109001000610100`).then((r) => r.arrayBuffer());
await timeEach(30, getItem);
await timeEach(30, viaApi);
const direct = await timeEach(N, getItem);
const api = await timeEach(N, viaApi);
const casesBench = await runCasesBench(base, {
  awsEndpoint: /AWS APIs\s+(\S+)/.exec(output)![1]!,
  stateMachineArn: model.ref(model.ofType('AWS::StepFunctions::StateMachine')[0]!),
});
results.cases = casesBench;
const eventsBench = await runEventsBench(base, /AWS APIs\s+(\S+)/.exec(output)![1]!);
results.events = eventsBench;
results.web = await (await import('./web.ts')).runWebBench(base);
peak = Math.max(peak, treeRssMiB(child.pid!));
clearInterval(sampler);

results.peakMemoryMiB = Math.round(peak);
results.requests = N;
results.getItemDirect = { p50: percentile(direct, 50), p95: percentile(direct, 95) };
results.getMatterViaApi = { p50: percentile(api, 50), p95: percentile(api, 95) };
results.overheadRatioP50 = percentile(api, 50) / percentile(direct, 50);

const stopped = performance.now();
child.kill('SIGINT');
await new Promise((resolve) => child.on('exit', resolve));
results.shutdownSeconds = (performance.now() - stopped) / 1000;

console.log(`
tongban local mode — ${new Date().toISOString()}
  npm start → ready            ${(results.startToReadySeconds as number).toFixed(1)} s (synth included)
  peak memory (process tree)   ${results.peakMemoryMiB} MiB
  GetItem on DynamoDB Local    p50 ${ms(percentile(direct, 50))}  p95 ${ms(percentile(direct, 95))}
  GET /api/matters/{code}      p50 ${ms(percentile(api, 50))}  p95 ${ms(percentile(api, 95))}   (${N} sequential)
  API + Lambda overhead        ${(results.overheadRatioP50 as number).toFixed(1)}× a bare GetItem (p50)
  Ctrl-C → stopped             ${(results.shutdownSeconds as number).toFixed(1)} s
  DynamoDB per call            ${Object.entries(casesBench.dynamodbPerCall)
    .map(([call, c]) => `${call}: ${c.reads} reads, ${c.writes} writes`)
    .join('; ')}
  state transitions            ${casesBench.stateTransitionsPerApproval} per simple approval (3 review steps)
  POST /api/cases              p50 ${ms(casesBench.submitMs.p50)}  p95 ${ms(casesBench.submitMs.p95)}   (${casesBench.requests}, ${casesBench.concurrency} at a time)
  GET /api/cases/{id}          p50 ${ms(casesBench.getMs.p50)}  p95 ${ms(casesBench.getMs.p95)}   (${casesBench.requests}, ${casesBench.concurrency} at a time)
  events routed (hub → region)  ${eventsBench.routedPerSecond.toFixed(0)} per second (${eventsBench.routed} events, 10 per PutEvents)
  cross-region hand-off        p50 ${ms(eventsBench.handoffMs.p50)}  p95 ${ms(eventsBench.handoffMs.p95)}   (receipt in Baoji → signed for in Xi'an, ${eventsBench.handoffMs.cases} cases)
  GET /api/matters?q=开饭店     cold ${ms(coldSearch!)}, then p50 ${ms(percentile(warmSearch, 50))}  p95 ${ms(percentile(warmSearch, 95))}
`);
results.search = await runSearchBench();
printSearchBench(results.search as Awaited<ReturnType<typeof runSearchBench>>);
mkdirSync(`${ROOT}test-results`, { recursive: true });
writeFileSync(`${ROOT}test-results/bench.json`, JSON.stringify(results, null, 2));
