import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { validateConfig } from './config-rules.ts';
import type {
  AdministratorConfig,
  DomainConfig,
  IdentityConfig,
  Partition,
  RegionConfig,
  TongbanConfig,
  WebhookConfig,
} from './config-types.ts';
import { SEED_REGIONS } from './seed/catalog/regions.ts';

export type {
  AdministratorConfig,
  ClaimNames,
  DomainConfig,
  IdentityConfig,
  OidcProvider,
  Partition,
  RegionConfig,
  TongbanConfig,
  WebhookConfig,
} from './config-types.ts';

const CONFIG_DIR = fileURLToPath(new URL('../config/', import.meta.url));

// Without `province` / `regions`, the deployment serves the regions the seed catalog implements its matters
// in: one list, so no region of the catalog can lack a bus.
const asConfig = ({ code, name, nameEn }: RegionConfig): RegionConfig => ({ code, name, nameEn });
const DEFAULT_PROVINCE = asConfig(SEED_REGIONS.find((r) => r.kind === 'province')!);
const DEFAULT_REGIONS = SEED_REGIONS.filter((r) => r.kind !== 'province').map(asConfig);

/**
 * Every region that handles or receives cases, each with its own bus, rules and consumers: the province
 * itself (its departments decide provincial-level matters), then the cities and special zones.
 */
export const caseRegions = (config: TongbanConfig): RegionConfig[] => [config.province, ...config.regions];

/** The China regions (Beijing, Ningxia) are the `aws-cn` partition. */
export const partitionOf = (region: string | undefined): Partition | undefined =>
  region === undefined ? undefined : region.startsWith('cn-') ? 'aws-cn' : 'aws';

const cache = new WeakMap<object, TongbanConfig>();

/** The configuration of the app `scope` belongs to, read once per app. */
export function configOf(scope: IConstruct): TongbanConfig {
  const root = scope.node.root;
  let config = cache.get(root);
  if (!config) {
    config = readConfig(root as App);
    cache.set(root, config);
  }
  return config;
}

/**
 * The stage's file, config/<stage>.json (stage from `-c tongban:stage`, default dev), with any key given on
 * the command line as `-c tongban:<key>=<value>` taking precedence: one file per stage, the command line for
 * the exception.
 */
export function readConfig(app: App): TongbanConfig {
  // `cdk -c key=value` passes strings; structured values then arrive as JSON text.
  const context = (key: string): unknown => {
    const value = app.node.tryGetContext(`tongban:${key}`);
    return typeof value === 'string' && /^\s*[[{]/.test(value) ? JSON.parse(value) : value;
  };
  const stage = String(context('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`tongban:stage "${stage}" must be lower-case letters, digits or "-" (max 16)`);
  }
  const file = `${CONFIG_DIR}${stage}.json`;
  if (!existsSync(file)) {
    throw new Error(`tongban:stage "${stage}" has no configuration file config/${stage}.json`);
  }
  const fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const get = (key: string): unknown => context(key) ?? fromFile[key];

  const region = get('region') as string | undefined;
  const partition = (get('partition') ?? partitionOf(region) ?? 'aws') as Partition;
  const domain = get('domain') as DomainConfig | undefined;
  const config: TongbanConfig = {
    stage,
    partition,
    region: region ?? (partition === 'aws-cn' ? 'cn-northwest-1' : undefined),
    province: (get('province') ?? DEFAULT_PROVINCE) as RegionConfig,
    regions: (get('regions') ?? DEFAULT_REGIONS) as RegionConfig[],
    alarmEmail: String(get('alarmEmail') ?? ''),
    domain: domain?.name ? domain : undefined,
    webDomain: domain?.name ?? '',
    retainData: String(get('retainData') ?? 'true') !== 'false',
    logRetentionDays: Number(get('logRetentionDays') ?? 365),
    identity: (get('identity') ?? { provider: 'cognito' }) as IdentityConfig,
    administrators: (get('administrators') ?? []) as AdministratorConfig[],
    wafRateLimit: Number(get('wafRateLimit') ?? 2000),
    webhooks: (get('webhooks') ?? []) as WebhookConfig[],
  };
  validateConfig(config);
  return config;
}
