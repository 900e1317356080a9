import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AdministratorConfig, TongbanConfig } from '../infra/config.ts';
import { seedCatalog } from '../infra/seed/catalog/index.ts';
import { CalendarStore } from '../shared/adapters/calendar-store.ts';
import { CatalogStore } from '../shared/adapters/catalog-store.ts';
import { BaseItem, Department, ImplementationItem, Region } from '../shared/domain/catalog/model.ts';
import { checkCatalog } from '../shared/domain/catalog/rules.ts';
import { checkYearData, type YearData } from '../shared/domain/clock/year-data.ts';

/** A catalog as a province hands it over: the shape of `GET /api/catalog/export` (its JSON Schema is there too). */
export interface CatalogFile {
  regions: unknown[];
  departments: unknown[];
  baseItems: unknown[];
  implementationItems: unknown[];
  synonyms?: { terms: string[]; meaning: string }[];
}

/** What `npm run load-stage` finds of a deployed stage: its tables (CloudFormation outputs) and user pool. */
export interface StageTargets {
  mattersTable: string;
  staffPoolId?: string;
}

export interface LoadReport {
  catalog: 'loaded' | 'kept';
  implementationItems: number;
  calendar: { year: number; outcome: 'loaded' | 'kept' | 'not published' }[];
  administrators: string[];
}

/**
 * Parses a catalog with the model's schemas and checks it with every catalog rule; throws with the violations,
 * each naming the item, the element and the rule, so nothing half-valid reaches a deployed table.
 */
export function checkedCatalog(file: CatalogFile) {
  const regions = file.regions.map((r) => Region.parse(r));
  const departments = file.departments.map((d) => Department.parse(d));
  const catalog = {
    regions,
    departments,
    baseItems: file.baseItems.map((b) => BaseItem.parse(b)),
    implementationItems: file.implementationItems.map((i) => ImplementationItem.parse(i)),
    synonyms: file.synonyms ?? [],
  };
  const violations = checkCatalog(catalog, { regions, departments });
  if (violations.length > 0) {
    const lines = violations.slice(0, 20).map((v) => `  ${JSON.stringify(v)}`);
    throw new Error(`the catalog breaks ${violations.length} catalog rules:\n${lines.join('\n')}`);
  }
  return catalog;
}

/** The seed catalog (Shaanxi's), for a stage that brings none of its own. */
export const seedCatalogFile = (): CatalogFile => seedCatalog();

/**
 * Loads a deployed stage so that it can serve from day one: its catalog (unless it has one: a catalog is then
 * changed through adjustment requests, never overwritten), the holiday calendar of the given years as far as
 * chinese-days has it, and its first administrators (created in the staff pool with their group, or, with
 * the province's own identity provider, named for its administrators to grant).
 */
export async function loadStage(
  config: TongbanConfig,
  targets: StageTargets,
  clients: { documents: DynamoDBDocumentClient; cognito?: CognitoIdentityProviderClient },
  options: { catalog: CatalogFile; effectiveFrom: string; years: { year: number; data?: YearData }[] },
): Promise<LoadReport> {
  const catalog = checkedCatalog(options.catalog);
  const store = new CatalogStore(clients.documents, targets.mattersTable);
  const empty = (await store.list('REGIONS')).length === 0;
  if (empty)
    await store.importCatalog({ ...catalog, effectiveFrom: options.effectiveFrom, actor: 'load-stage' });

  const calendars = new CalendarStore(clients.documents, targets.mattersTable);
  const calendar: LoadReport['calendar'] = [];
  for (const { year, data } of options.years) {
    const key = { pk: 'CALENDAR', sk: `YEAR#${year}` };
    const stored = (
      await clients.documents.send(new GetCommand({ TableName: targets.mattersTable, Key: key }))
    ).Item;
    if (!data) calendar.push({ year, outcome: 'not published' });
    else if (stored) calendar.push({ year, outcome: 'kept' });
    else {
      const problems = checkYearData(data);
      if (problems.length > 0) throw new Error(`the calendar of ${year}: ${JSON.stringify(problems)}`);
      await calendars.load(data, 'load-stage');
      calendar.push({ year, outcome: 'loaded' });
    }
  }

  return {
    catalog: empty ? 'loaded' : 'kept',
    implementationItems: catalog.implementationItems.length,
    calendar,
    administrators: await firstAdministrators(config, targets, clients.cognito),
  };
}

async function firstAdministrators(
  config: TongbanConfig,
  targets: StageTargets,
  cognito: CognitoIdentityProviderClient | undefined,
): Promise<string[]> {
  const { identity } = config;
  if (identity.provider === 'oidc') {
    // The province's identity platform holds its accounts: its security administrator grants these roles.
    const issuerValue = (role: string) =>
      Object.entries(identity.staff.roleValues ?? {}).find(([, r]) => r === role)?.[0] ?? role;
    return config.administrators.map(
      (a) =>
        `${a.username}: grant ${identity.staff.claims.roles}=${issuerValue(a.role)} at ${identity.staff.issuer}`,
    );
  }
  if (!cognito || !targets.staffPoolId) throw new Error('the staff user pool of the stage is unknown');
  const done: string[] = [];
  for (const admin of config.administrators)
    done.push(await createAdministrator(cognito, targets.staffPoolId, admin));
  return done;
}

/** Creates the account (Cognito mails a temporary password; MFA is set up at first sign-in) and its group. */
async function createAdministrator(
  cognito: CognitoIdentityProviderClient,
  poolId: string,
  admin: AdministratorConfig,
): Promise<string> {
  let outcome = 'created';
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: admin.username,
        UserAttributes: [
          { Name: 'email', Value: admin.email },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
    outcome = 'existed';
  }
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: admin.username, GroupName: admin.role }),
  );
  return `${admin.username}: ${outcome}, in group ${admin.role}`;
}
