import type { ClaimMapping } from '../shared/domain/identity.ts';

// The configuration's shape, below both the loader (config.ts) and the rules it must keep (config-rules.ts), so
// neither needs the other's module for it. config.ts re-exports every type; import them from there.

/** Where an issuer's ID token carries what the API reads: the one mapping, in shared/domain/identity.ts. */
export type ClaimNames = ClaimMapping['claims'];

/**
 * An OpenID Connect issuer the API trusts: its `iss`, the audiences (client ids) its tokens are issued to, its
 * claim names, and how its role values translate to tongban's roles (`{"WINDOW_CLERK": "window"}`; a value
 * missing there is ignored, so an issuer's unrelated roles grant nothing).
 */
export interface OidcProvider extends ClaimMapping {
  issuer: string;
  audience: string[];
}

/**
 * Cognito user pools made by the stacks (where the partition offers them), or the province's identity
 * platform: one issuer for citizens and enterprises, one for staff (they may be the same issuer).
 */
export type IdentityConfig =
  | { provider: 'cognito' }
  | { provider: 'oidc'; citizens: OidcProvider; staff: OidcProvider };

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

/**
 * The public entry: the site's domain with the certificate CloudFront serves it with (ACM in us-east-1 in
 * `aws`; an IAM server certificate id in `aws-cn`, where CloudFront takes no ACM certificate), and the API's
 * own domain, which only CloudFront calls (its regional ACM certificate).
 */
export interface DomainConfig {
  name: string;
  certificate: string;
  api: { name: string; certificateArn: string };
}

/** A first administrator, created by `npm run load-stage` (Cognito) or named for the identity provider. */
export interface AdministratorConfig {
  username: string;
  email: string;
  role: 'admin' | 'security-admin' | 'audit-admin';
}

export type Partition = 'aws' | 'aws-cn';

/** Everything a deployment can be configured with (config/<stage>.json); every key is documented in the README. */
export interface TongbanConfig {
  stage: string;
  partition: Partition;
  /** The home region; without it the stacks take the region of the credentials that deploy them. */
  region?: string;
  province: RegionConfig;
  regions: RegionConfig[];
  alarmEmail: string;
  domain?: DomainConfig;
  /** The site's domain, '' without one: callback URLs and the materials bucket's CORS origin come from it. */
  webDomain: string;
  retainData: boolean;
  /** Days CloudWatch Logs keeps every log group: at least 6 calendar months for 等保 level 3. */
  logRetentionDays: number;
  identity: IdentityConfig;
  administrators: AdministratorConfig[];
  /** Requests per client IP in any 5 minutes past which the WAF blocks the client for a while. */
  wafRateLimit: number;
  webhooks: WebhookConfig[];
}
