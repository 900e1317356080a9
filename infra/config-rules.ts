import type { ClaimNames, TongbanConfig } from './config-types.ts';

/** CloudWatch Logs accepts these retention periods only (days). */
const RETENTION_DAYS = [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
/** Six calendar months are at most 184 days; the next period CloudWatch Logs offers above that is a year. */
const MIN_RETENTION_DAYS = 184;

const ROLE_CLAIMS: (keyof ClaimNames)[] = ['roles', 'region', 'department', 'idHash', 'subjectType', 'name'];
const TONGBAN_ROLES = [
  'citizen',
  'enterprise',
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
  'regulator',
];

/**
 * The rules a configuration must keep before anything is synthesized. A deployed stage (anything but dev)
 * serves real people: it needs its domain (so callbacks and CORS are never localhost or `*`) and someone who
 * receives its alarms.
 */
export function validateConfig(config: TongbanConfig): void {
  regionRules(config);
  for (const hook of config.webhooks) webhookRule(config, hook);
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);
  if (config.region && !/^(cn|[a-z]{2})-[a-z]+-\d$/.test(config.region))
    problem(`region "${config.region}" is not an AWS region`);
  if (config.region && (config.region.startsWith('cn-') ? 'aws-cn' : 'aws') !== config.partition)
    problem(`region ${config.region} is not in the partition ${config.partition}`);
  if (!RETENTION_DAYS.includes(config.logRetentionDays) || config.logRetentionDays < MIN_RETENTION_DAYS)
    problem(
      `logRetentionDays ${config.logRetentionDays} must be one of ${RETENTION_DAYS.join(', ')} (at least six months)`,
    );
  if (!Number.isInteger(config.wafRateLimit) || config.wafRateLimit < 100)
    problem('wafRateLimit must be a whole number of requests per 5 minutes, 100 or more (AWS WAF minimum)');
  identityRules(config, problem);
  if (config.domain) domainRules(config, problem);
  if (config.stage !== 'dev') {
    if (!config.domain)
      problem(`stage ${config.stage} needs its domain (a deployed site is never localhost)`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(config.alarmEmail))
      problem(`stage ${config.stage} needs alarmEmail: its alarms must reach someone`);
  }
  for (const admin of config.administrators) {
    if (
      !admin.username ||
      !/@/.test(admin.email ?? '') ||
      !['admin', 'security-admin', 'audit-admin'].includes(admin.role)
    )
      problem(
        `administrators: ${JSON.stringify(admin)} needs a username, an email and role admin, security-admin or audit-admin`,
      );
  }
  if (problems.length > 0) throw new Error(`config/${config.stage}.json: ${problems.join('; ')}`);
}

function identityRules(config: TongbanConfig, problem: (text: string) => void): void {
  const { identity } = config;
  if (identity.provider === 'cognito') {
    if (config.partition === 'aws-cn')
      problem('identity: Amazon Cognito user pools are not offered in aws-cn; configure the OIDC issuers');
    return;
  }
  if (identity.provider !== 'oidc') {
    problem('identity.provider must be "cognito" or "oidc"');
    return;
  }
  for (const audience of ['citizens', 'staff'] as const) {
    const p = identity[audience];
    const where = `identity.${audience}`;
    if (!p) {
      problem(`${where} is missing`);
      continue;
    }
    // API Gateway fetches an issuer's keys over HTTPS; local mode's test issuers run on the loopback.
    const local = config.stage === 'dev' && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(p.issuer);
    if (!/^https:\/\/[^\s/]+/.test(p.issuer) && !local) problem(`${where}.issuer must be an https URL`);
    if (!Array.isArray(p.audience) || p.audience.length === 0)
      problem(`${where}.audience lists no client id`);
    for (const claim of ROLE_CLAIMS)
      if (typeof p.claims?.[claim] !== 'string' || p.claims[claim] === '')
        problem(`${where}.claims.${claim} names no claim`);
    for (const [value, role] of Object.entries(p.roleValues ?? {}))
      if (!TONGBAN_ROLES.includes(role)) problem(`${where}.roleValues.${value}: no role "${role}"`);
  }
}

function domainRules(config: TongbanConfig, problem: (text: string) => void): void {
  const { domain } = config;
  const hostname = /^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/;
  if (!hostname.test(domain!.name)) problem(`domain.name "${domain!.name}" is not a host name`);
  if (!hostname.test(domain!.api?.name ?? '')) problem('domain.api.name is not a host name');
  if (/(^|\.)localhost$/.test(domain!.name)) problem('domain.name may not be localhost');
  // CloudFront takes ACM certificates from us-east-1 only; CloudFront in China takes none, but an IAM one.
  if (
    config.partition === 'aws' &&
    !/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(domain!.certificate)
  )
    problem('domain.certificate must be an ACM certificate ARN in us-east-1 (CloudFront)');
  if (config.partition === 'aws-cn' && !/^[A-Z0-9]{16,32}$/.test(domain!.certificate))
    problem(
      'domain.certificate must be the id of an IAM server certificate (CloudFront in China takes no ACM certificate)',
    );
  if (!/^arn:aws(-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(domain!.api?.certificateArn ?? ''))
    problem("domain.api.certificateArn must be an ACM certificate ARN in the stage's region");
}

function regionRules(config: TongbanConfig): void {
  const all = [config.province, ...config.regions];
  for (const region of all) {
    if (!region || !/^\d{6}$/.test(region.code) || !region.name) {
      throw new Error(
        `tongban:regions: every region needs a 6-digit GB/T 2260 code and a name, got ${JSON.stringify(region)}`,
      );
    }
  }
  if (new Set(all.map((r) => r.code)).size !== all.length) {
    throw new Error('tongban:regions: region codes must be unique');
  }
}

function webhookRule(config: TongbanConfig, hook: TongbanConfig['webhooks'][number]): void {
  const where = `tongban:webhooks: ${JSON.stringify(hook)}`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(hook.department ?? ''))
    throw new Error(`${where} needs a department code`);
  if (![config.province, ...config.regions].some((r) => r.code === hook.region))
    throw new Error(`${where}: region is not configured`);
  if (!/^https:\/\/[^\s/]+/.test(hook.endpoint ?? ''))
    throw new Error(`${where}: endpoint must be an https URL`);
  if (!hook.secretName) throw new Error(`${where} needs the secretName of its API key`);
}
