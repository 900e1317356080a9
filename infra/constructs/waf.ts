import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { MAX_BODY_BYTES } from '../../shared/http/limits.ts';

export interface FrontDoorAclProps {
  /** `CLOUDFRONT` (created in us-east-1) or `REGIONAL`. */
  scope: 'CLOUDFRONT' | 'REGIONAL';
  name: string;
  /** Requests one client IP may send in any 5 minutes before it is blocked for a while. */
  rateLimit: number;
}

const TOO_LARGE = JSON.stringify({
  error: {
    code: 'PAYLOAD_TOO_LARGE',
    message: { 'zh-CN': '请求内容超过 64 KiB', en: 'The request body is over 64 KiB' },
  },
});
const TOO_MANY = JSON.stringify({ message: 'Too Many Requests' });

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * The web ACL of the public entry: bodies larger than the API takes (MAX_BODY_BYTES, answered 413 like the API
 * would), a rate limit per client IP (429), and AWS's managed rule groups for common exploits (OWASP-style:
 * XSS, LFI, bad paths …) and known bad inputs (Log4j, Java deserialization …). The common group's own 8 KiB
 * body limit only counts: the platform's limit is the rule above, the same as the API's.
 */
export class FrontDoorAcl extends Construct {
  readonly acl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: FrontDoorAclProps) {
    super(scope, id);
    const managed = (name: string, priority: number, overrides: string[] = []) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(name),
    });
    this.acl = new wafv2.CfnWebACL(this, 'Acl', {
      name: props.name,
      scope: props.scope,
      description: 'tongban front door: body size, rate per IP, AWS managed rules',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      customResponseBodies: {
        TooLarge: { contentType: 'APPLICATION_JSON', content: TOO_LARGE },
        TooMany: { contentType: 'APPLICATION_JSON', content: TOO_MANY },
      },
      // CloudFront inspects 16 KiB of a body unless told more; the API's limit is 64 KiB, the most WAF reads.
      ...(props.scope === 'CLOUDFRONT'
        ? { associationConfig: { requestBody: { CLOUDFRONT: { defaultSizeInspectionLimit: 'KB_64' } } } }
        : {}),
      rules: [
        {
          name: 'BodySize',
          priority: 0,
          action: { block: { customResponse: { responseCode: 413, customResponseBodyKey: 'TooLarge' } } },
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
              comparisonOperator: 'GT',
              size: MAX_BODY_BYTES,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: visibility('BodySize'),
        },
        {
          name: 'RatePerIp',
          priority: 1,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'TooMany' } } },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RatePerIp'),
        },
        managed('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
  }
}
