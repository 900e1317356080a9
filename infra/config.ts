import type { App } from 'aws-cdk-lib';
import { SEED_REGIONS } from './seed/catalog/regions.ts';

export interface RegionConfig {
  code: string;
  name: string;
  nameEn: string;
}

/**
 * A department that takes its review requests by webhook: an EventBridge API destination POSTs each one to
 * `endpoint` with an API key header whose value is the Secrets Manager secret `secretName` (made by the
 * department's administrators; the template only refers to it).
 */
export interface WebhookConfig {
  department: string;
  region: string;
  endpoint: string;
  secretName: string;
  header?: string;
}

/** Everything a deployment can be configured with; every key is documented in the README. */
export interface TongbanConfig {
  stage: string;
  province: RegionConfig;
  regions: RegionConfig[];
  alarmEmail: string;
  webDomain: string;
  retainData: boolean;
  webhooks: WebhookConfig[];
}

const REGION_CODE = /^\d{6}$/;

// Without `tongban:province` / `tongban:regions` in the context, the deployment serves the regions the seed
// catalog implements its matters in: one list, so no region of the catalog can lack a bus.
const asConfig = ({ code, name, nameEn }: RegionConfig): RegionConfig => ({ code, name, nameEn });
const DEFAULT_PROVINCE = asConfig(SEED_REGIONS.find((r) => r.kind === 'province')!);
const DEFAULT_REGIONS = SEED_REGIONS.filter((r) => r.kind !== 'province').map(asConfig);

/**
 * Every region that handles or receives cases, each with its own bus, rules and consumers: the province
 * itself (its departments decide provincial-level matters), then the cities and special zones.
 */
export const caseRegions = (config: TongbanConfig): RegionConfig[] => [config.province, ...config.regions];

export function readConfig(app: App): TongbanConfig {
  // `cdk -c key=value` passes strings; structured values then arrive as JSON text.
  const get = (key: string): unknown => {
    const value = app.node.tryGetContext(`tongban:${key}`);
    return typeof value === 'string' && /^\s*[[{]/.test(value) ? JSON.parse(value) : value;
  };
  const config: TongbanConfig = {
    stage: String(get('stage') ?? 'dev'),
    province: (get('province') ?? DEFAULT_PROVINCE) as RegionConfig,
    regions: (get('regions') ?? DEFAULT_REGIONS) as RegionConfig[],
    alarmEmail: String(get('alarmEmail') ?? ''),
    webDomain: String(get('webDomain') ?? ''),
    retainData: String(get('retainData') ?? 'true') !== 'false',
    webhooks: (get('webhooks') ?? []) as WebhookConfig[],
  };
  validateConfig(config);
  return config;
}

function validateConfig(config: TongbanConfig): void {
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(config.stage)) {
    throw new Error(`tongban:stage "${config.stage}" must be lower-case letters, digits or "-" (max 16)`);
  }
  const all = caseRegions(config);
  for (const region of all) {
    if (!region || !REGION_CODE.test(region.code) || !region.name) {
      throw new Error(
        `tongban:regions: every region needs a 6-digit GB/T 2260 code and a name, got ${JSON.stringify(region)}`,
      );
    }
  }
  if (new Set(all.map((r) => r.code)).size !== all.length) {
    throw new Error('tongban:regions: region codes must be unique');
  }
  for (const hook of config.webhooks) {
    const where = `tongban:webhooks: ${JSON.stringify(hook)}`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(hook.department ?? ''))
      throw new Error(`${where} needs a department code`);
    if (!all.some((r) => r.code === hook.region)) throw new Error(`${where}: region is not configured`);
    if (!/^https:\/\/[^\s/]+/.test(hook.endpoint ?? ''))
      throw new Error(`${where}: endpoint must be an https URL`);
    if (!hook.secretName) throw new Error(`${where} needs the secretName of its API key`);
  }
}
