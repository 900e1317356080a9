import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledge } from '../../infra/constructs/nag.ts';

function run(name: string, nag: boolean, add: (s: Stack) => void, flag = true) {
  const outdir = mkdtempSync(join(tmpdir(), 'x-'));
  const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': flag, '@aws-cdk/core:appMode': 'inmemory' } });
  const s = new Stack(app, 'S');
  add(s);
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  try { app.synth(); console.log('==', name, 'OK'); console.log(readFileSync(join(outdir, 'validation-report.json'), 'utf8').slice(0, 3000)); } catch (e) { console.log('==', name, 'THREW\n', (e as Error).message); }
}
run('bucket', true, (s) => new s3.Bucket(s, 'B'));
run('ack', true, (s) => { const b = new s3.Bucket(s, 'B', { enforceSSL: true }); acknowledge(b, [{ id: 'AwsSolutions-S1', reason: 'test reason here' }]); });
run('enum', false, (s) => { const t = new dynamodb.CfnTable(s, 'T', { keySchema: [{ attributeName: 'pk', keyType: 'HASH' }], attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }], billingMode: 'ON_DEMAND' }); });
run('runtime', false, (s) => { new lambda.CfnFunction(s, 'F', { role: 'arn:aws:iam::123456789012:role/x', code: { zipFile: 'x' }, handler: 'index.handler', runtime: 'nodejs25.x' }); });
