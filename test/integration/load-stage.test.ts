import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { App } from 'aws-cdk-lib';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { createTables } from '../../infra/local/dynamodb/tables.ts';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { loadStage, seedCatalogFile } from '../../scripts/stage-loader.ts';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { publishedYears } from '../../shared/domain/clock/published.ts';
import { documents, localModel } from '../support/assembly.ts';
import { endpoints } from '../support/local.ts';

const configOf = (stage: string) => readConfig(new App({ context: { 'tongban:stage': stage } }));
const YEAR = 2025;
const year = publishedYears().find((y) => y.year === YEAR)!;

/** A matters table of its own in the local DynamoDB, made from the template as a deployed stage's is. */
async function freshMattersTable(): Promise<string> {
  const model = localModel();
  const matters = model.ofType('AWS::DynamoDB::Table').find((t) => t.logicalId.startsWith('MattersTable'))!;
  const name = `load-stage-${randomUUID()}`;
  const client = new DynamoDBClient({
    endpoint: endpoints().dynamodb,
    region: LOCAL_ACCOUNT.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const properties = { ...model.properties(matters), TableName: name };
  await createTables(client, [
    {
      logicalId: matters.logicalId,
      stackName: 'LoadStage',
      physicalName: name,
      type: 'AWS::DynamoDB::Table',
      properties,
    },
  ]);
  return name;
}

describe('npm run load-stage: a deployed stage that serves from day one', () => {
  let table: string;
  beforeAll(async () => {
    table = await freshMattersTable();
  });

  it("loads the catalog (checked by every catalog rule), the year's calendar and names the first administrators", async () => {
    // Given an empty stage whose people sign in with the province's identity provider (prod)
    const config = configOf('prod');

    // When it is loaded
    const report = await loadStage(
      config,
      { mattersTable: table },
      { documents: documents() },
      {
        catalog: seedCatalogFile(),
        effectiveFrom: '2025-01-01',
        years: [{ year: YEAR, data: year }, { year: 2099 }],
      },
    );

    // Then the catalog is there, searchable by the platform's own store, and the year's holidays
    expect(report).toMatchObject({ catalog: 'loaded', implementationItems: 988 });
    const store = new CatalogStore(documents(), table);
    expect((await store.list('REGIONS')).length).toBe(13);
    const stored = await documents().send(
      new GetCommand({ TableName: table, Key: { pk: 'CALENDAR', sk: `YEAR#${YEAR}` } }),
    );
    expect(stored.Item?.year).toEqual(year);
    expect(report.calendar).toEqual([
      { year: YEAR, outcome: 'loaded' },
      { year: 2099, outcome: 'not published' },
    ]);
    // …and the three administrators are named for the province's identity platform to grant
    expect(report.administrators).toEqual([
      'sysadmin: grant roles=SYS_ADMIN at https://sso.example.gov.cn/oidc/staff',
      'secadmin: grant roles=SEC_ADMIN at https://sso.example.gov.cn/oidc/staff',
      'auditor: grant roles=AUDIT_ADMIN at https://sso.example.gov.cn/oidc/staff',
    ]);
  });

  it('keeps what a stage has when run again: a catalog changes through adjustment requests only', async () => {
    const report = await loadStage(
      configOf('prod'),
      { mattersTable: table },
      { documents: documents() },
      {
        catalog: seedCatalogFile(),
        effectiveFrom: '2025-01-01',
        years: [{ year: YEAR, data: year }],
      },
    );
    expect(report.catalog).toBe('kept');
    expect(report.calendar).toEqual([{ year: YEAR, outcome: 'kept' }]);
  });

  it('refuses a catalog that breaks a catalog rule, writing nothing', async () => {
    const empty = await freshMattersTable();
    const catalog = seedCatalogFile();
    const [item] = catalog.implementationItems as { promisedLimitDays: number; legalLimitDays: number }[];
    item!.promisedLimitDays = item!.legalLimitDays + 5;
    await expect(
      loadStage(
        configOf('prod'),
        { mattersTable: empty },
        { documents: documents() },
        {
          catalog,
          effectiveFrom: '2025-01-01',
          years: [],
        },
      ),
    ).rejects.toThrow(/breaks \d+ catalog rules/);
    expect(await new CatalogStore(documents(), empty).list('REGIONS')).toEqual([]);
  });

  it('creates the first administrators in the staff pool with their group, where the stage uses Cognito', async () => {
    const cognito = mockClient(CognitoIdentityProviderClient);
    const config = {
      ...configOf('dev'),
      administrators: [{ username: 'sysadmin', email: 'sysadmin@example.gov.cn', role: 'admin' as const }],
    };
    const report = await loadStage(
      config,
      { mattersTable: table, staffPoolId: 'cn-northwest-1_pool' },
      { documents: documents(), cognito: new CognitoIdentityProviderClient({}) },
      { catalog: seedCatalogFile(), effectiveFrom: '2025-01-01', years: [] },
    );
    expect(report.administrators).toEqual(['sysadmin: created, in group admin']);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toMatchObject({
      UserPoolId: 'cn-northwest-1_pool',
      Username: 'sysadmin',
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toMatchObject({
      GroupName: 'admin',
    });
    cognito.restore();
  });
});
