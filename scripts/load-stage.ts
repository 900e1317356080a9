#!/usr/bin/env -S npx tsx
// npm run load-stage -- --stage prod --outputs cdk-outputs.json [--catalog catalog.json] [--effective-from YYYY-MM-DD]
//
// Loads a deployed stage so that it serves from day one: its catalog (the seed's, or a province's file in the
// export format, checked by every catalog rule), the holiday calendar of this year and the next as far as
// chinese-days has them, and its first administrators. The stage's tables and user pool come from the outputs
// `npx cdk deploy --all --outputs-file cdk-outputs.json` wrote; credentials and region from the environment, as
// for the AWS CLI. Run it again at will: what is there is kept.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { App } from 'aws-cdk-lib';
import { readConfig } from '../infra/config.ts';
import { publishedYears } from '../shared/domain/clock/published.ts';
import { type CatalogFile, loadStage, seedCatalogFile } from './stage-loader.ts';

const { values } = parseArgs({
  options: {
    stage: { type: 'string', default: 'dev' },
    outputs: { type: 'string', default: 'cdk-outputs.json' },
    catalog: { type: 'string' },
    'effective-from': { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
const stage = values.stage!;
const config = readConfig(new App({ context: { 'tongban:stage': stage } }));
const outputs = JSON.parse(readFileSync(values.outputs!, 'utf8')) as Record<string, Record<string, string>>;
const output = (stack: string, prefix: string) =>
  Object.entries(outputs[`tongban-${stage}-${stack}`] ?? {}).find(([key]) => key.startsWith(prefix))?.[1];
const mattersTable = output('data', 'MattersTableName');
if (!mattersTable)
  throw new Error(`${values.outputs} has no MattersTableName of tongban-${stage}-data: deploy first`);

const year = new Date().getFullYear();
const published = new Map(publishedYears().map((y) => [y.year, y]));
const report = await loadStage(
  config,
  { mattersTable, staffPoolId: output('api', 'StaffPoolId') },
  {
    documents: DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    cognito: config.identity.provider === 'cognito' ? new CognitoIdentityProviderClient({}) : undefined,
  },
  {
    catalog: values.catalog
      ? (JSON.parse(readFileSync(values.catalog, 'utf8')) as CatalogFile)
      : seedCatalogFile(),
    effectiveFrom: values['effective-from']!,
    years: [year, year + 1].map((y) => ({ year: y, data: published.get(y) })),
  },
);
console.log(
  `tongban-${stage}: catalog ${report.catalog} (${report.implementationItems} implementation items)`,
);
for (const c of report.calendar) {
  const hint =
    c.outcome === 'not published' ? ' — load it from the notice: PUT /api/calendar/years/{year}' : '';
  console.log(`  calendar ${c.year}: ${c.outcome}${hint}`);
}
for (const line of report.administrators) console.log(`  administrator ${line}`);
