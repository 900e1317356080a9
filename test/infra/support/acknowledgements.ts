import { readFileSync } from 'node:fs';
import { type App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { configOf } from '../../../infra/config.ts';
import { ROUTES } from '../../../shared/http/routes.ts';
import { flatten } from './templates.ts';

/** One cdk-nag finding acknowledged in the code (infra/constructs/nag.ts `acknowledge`), where and why. */
export interface Acknowledgement {
  rule: string;
  reason: string;
  path: string;
  construct: IConstruct;
}

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** Every acknowledgement recorded on the constructs of a built app. */
export function acknowledgementsOf(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([rule, reason]) => ({
          rule: rule.replace(/^Annotation::/, ''),
          reason,
          path: construct.node.path,
          construct,
        })),
      ),
  );
}

/** A resource as its stack renders it (overrides included), with its logical id. */
function rendered(cfn: CfnResource): { stack: Stack; id: string; resource: Resource } {
  const stack = Stack.of(cfn);
  const id = stack.getLogicalId(cfn);
  const template = stack.resolve((cfn as unknown as { _toCloudFormation(): object })._toCloudFormation()) as {
    Resources: Record<string, Resource>;
  };
  return { stack, id, resource: template.Resources[id]! };
}

/** The synthesized resources a construct stands for (itself and what it contains). */
const resourcesOf = (construct: IConstruct) =>
  construct.node.findAll().filter(CfnResource.isCfnResource).map(rendered);
const everything = (app: App) => resourcesOf(app);

const distributions = (app: App) =>
  everything(app)
    .filter((r) => r.resource.Type === 'AWS::CloudFront::Distribution')
    .map((r) => {
      const overrides = (r.resource.Properties?.DistributionConfig ?? {}) as Record<string, unknown>;
      return overrides as {
        Aliases?: string[];
        WebACLId?: unknown;
        ViewerCertificate?: {
          MinimumProtocolVersion?: string;
          IamCertificateId?: string;
          SslSupportMethod?: string;
        };
        Origins?: { S3OriginConfig?: { OriginAccessIdentity?: unknown } }[];
      };
    });

/**
 * Actions the Service Authorization Reference lists with no resource type: they can only be granted on `*`.
 */
const NO_RESOURCE_LEVEL = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'dynamodb:ListStreams',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

/** A phrase a reason may use, and what must then be true of the app for the reason to be true. */
interface Claim {
  says: RegExp;
  holds(ack: Acknowledgement, app: App): boolean;
}

/**
 * What a reason may claim, each checked against the synthesized app. A reason that defers the matter to
 * something outside the stacks (a deployment step, a person) is never true: what the stacks do not do, no
 * one has to remember to do.
 */
const CLAIMS: Claim[] = [
  {
    says: /per deployment|attached (later|separately|by hand)|by hand|manually|out of band|\bTODO\b|for now|temporar/i,
    holds: () => false,
  },
  {
    // "AWS WAF is regional only in China": true only of an aws-cn app, which then has no web ACL at all.
    says: /WAF/,
    holds: (_, app) =>
      configOf(app).partition === 'aws-cn'
        ? everything(app).every((r) => !r.resource.Type.startsWith('AWS::WAFv2::'))
        : distributions(app).every((d) => d.WebACLId !== undefined),
  },
  {
    says: /has no domain/,
    holds: (_, app) => configOf(app).stage === 'dev' && !configOf(app).domain,
  },
  {
    says: /minimum TLSv1\.2_2021|TLS 1\.2/,
    holds: (_, app) =>
      distributions(app)
        .filter((d) => d.Aliases?.length)
        .every((d) => d.ViewerCertificate?.MinimumProtocolVersion === 'TLSv1.2_2021'),
  },
  {
    says: /IAM server certificate/,
    holds: (_, app) =>
      distributions(app).every(
        (d) => d.ViewerCertificate?.IamCertificateId && d.ViewerCertificate.SslSupportMethod === 'sni-only',
      ),
  },
  {
    says: /origin access identity/,
    holds: (_, app) =>
      distributions(app).every((d) => d.Origins?.some((o) => o.S3OriginConfig?.OriginAccessIdentity)),
  },
  {
    says: /infra\/partitions\.json/,
    holds: () => {
      const offered = JSON.parse(
        readFileSync(new URL('../../../infra/partitions.json', import.meta.url), 'utf8'),
      );
      return offered.types['AWS::CloudFront::OriginAccessControl']['aws-cn'] === false;
    },
  },
  {
    says: /Staff require MFA/,
    holds: (_, app) =>
      everything(app).some(
        (r) =>
          r.resource.Type === 'AWS::Cognito::UserPool' &&
          r.resource.Properties?.MfaConfiguration === 'ON' &&
          r.resource.Properties?.AdminCreateUserConfig !== undefined,
      ),
  },
  {
    // A dead-letter queue: something delivers to it, nothing consumes it on its own.
    says: /dead-letter queue/,
    holds: (ack, app) =>
      resourcesOf(ack.construct)
        .filter((r) => r.resource.Type === 'AWS::SQS::Queue')
        .every(({ id }) => {
          const mentions = everything(app).filter(
            (r) =>
              r.id !== id &&
              r.resource.Type !== 'AWS::SQS::QueuePolicy' &&
              flatten(r.resource.Properties).includes(id),
          );
          const consumed = mentions.some(
            (r) =>
              r.resource.Type === 'AWS::Lambda::EventSourceMapping' &&
              flatten(r.resource.Properties!.EventSourceArn).includes(id),
          );
          return mentions.length > 0 && !consumed;
        }),
  },
  {
    says: /access-log bucket itself/,
    holds: (ack, app) =>
      resourcesOf(ack.construct)
        .filter((r) => r.resource.Type === 'AWS::S3::Bucket')
        .every(({ id }) =>
          everything(app).some((r) => {
            const props = r.resource.Properties ?? {};
            return (
              flatten(
                (props.LoggingConfiguration as { DestinationBucketName?: unknown })?.DestinationBucketName,
              ).includes(id) ||
              flatten((props.DistributionConfig as { Logging?: unknown })?.Logging).includes(id)
            );
          }),
        ),
  },
  {
    // Every statement on `*` of the construct's policies is of actions that AWS offers on no resource ARN.
    says: /resource-level permissions/,
    holds: (ack) =>
      resourcesOf(ack.construct)
        .filter((r) => r.resource.Type === 'AWS::IAM::Policy')
        .flatMap(
          (r) =>
            (
              r.resource.Properties!.PolicyDocument as {
                Statement: { Action: string | string[]; Resource: unknown }[];
              }
            ).Statement,
        )
        .filter((s) => flatten(s.Resource) === '*')
        .every((s) => [s.Action].flat().every((a) => NO_RESOURCE_LEVEL.includes(a))),
  },
  {
    says: /Public by design/,
    holds: (ack) =>
      resourcesOf(ack.construct)
        .filter((r) => r.resource.Type === 'AWS::ApiGatewayV2::Route')
        .every((r) =>
          ROUTES.some(
            (route) =>
              route.auth === 'public' && `${route.method} ${route.path}` === r.resource.Properties!.RouteKey,
          ),
        ),
  },
];

/** The acknowledgements of the app whose reason claims something the app does not do. */
export function untrueAcknowledgements(app: App): string[] {
  return acknowledgementsOf(app)
    .filter((ack) => CLAIMS.some((claim) => claim.says.test(ack.reason) && !claim.holds(ack, app)))
    .map((ack) => `${ack.path} ${ack.rule}: ${ack.reason}`);
}
