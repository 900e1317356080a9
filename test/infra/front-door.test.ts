import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/http/limits.ts';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';
import { flatten, resources } from './support/templates.ts';

interface Distribution {
  DistributionConfig: {
    Aliases?: string[];
    WebACLId?: unknown;
    ViewerCertificate?: {
      AcmCertificateArn?: string;
      IamCertificateId?: string;
      MinimumProtocolVersion?: string;
      SslSupportMethod?: string;
    };
    DefaultCacheBehavior: { ResponseHeadersPolicyId?: unknown };
    CacheBehaviors: { PathPattern: string; TargetOriginId: string; ResponseHeadersPolicyId?: unknown }[];
    Origins: {
      Id: string;
      DomainName: unknown;
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
    }[];
  };
}

interface WebAcl {
  Scope: string;
  AssociationConfig?: unknown;
  Rules: {
    Name: string;
    Action?: { Block?: { CustomResponse?: { ResponseCode: number } } };
    Statement: {
      SizeConstraintStatement?: { ComparisonOperator: string; Size: number; FieldToMatch: unknown };
      RateBasedStatement?: { Limit: number; AggregateKeyType: string };
      ManagedRuleGroupStatement?: {
        VendorName: string;
        Name: string;
        RuleActionOverrides?: { Name: string }[];
      };
    };
  }[];
}

const distributionOf = (platform: Synthesized) => {
  const [distribution] = resources<Distribution>(platform.template('web'), 'AWS::CloudFront::Distribution');
  return distribution!.props.DistributionConfig;
};

/** A domain for the global partition: CloudFront's certificate in us-east-1, the API's in the home region. */
const DOMAIN = {
  name: 'tongban.example.org',
  certificate: 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  api: {
    name: 'api-origin.tongban.example.org',
    certificateArn: 'arn:aws:acm:ap-east-1:111111111111:certificate/22222222-2222-2222-2222-222222222222',
  },
};

describe('the front door of the global partition (stage dev)', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ bundle: false });
  });
  afterAll(() => platform?.dispose());

  const acl = () => resources<WebAcl>(platform.template('edge'), 'AWS::WAFv2::WebACL');

  it('defines one web ACL for CloudFront, in us-east-1 where CloudFront requires it', () => {
    expect(acl()).toHaveLength(1);
    expect(acl()[0]!.props.Scope).toBe('CLOUDFRONT');
    expect(platform.assembly.getStackByName('tongban-dev-edge').environment.region).toBe('us-east-1');
  });

  it("blocks bodies over the API's own limit (413), reading as much of a body as WAF can", () => {
    const rule = acl()[0]!.props.Rules.find((r) => r.Statement.SizeConstraintStatement)!;
    expect(rule.Statement.SizeConstraintStatement).toMatchObject({
      ComparisonOperator: 'GT',
      Size: MAX_BODY_BYTES,
      FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
    });
    expect(rule.Action?.Block?.CustomResponse?.ResponseCode).toBe(413);
    expect(acl()[0]!.props.AssociationConfig).toEqual({
      RequestBody: { CLOUDFRONT: { DefaultSizeInspectionLimit: 'KB_64' } },
    });
  });

  it('limits the requests of each client IP (429) at the rate the stage configures', () => {
    const rule = acl()[0]!.props.Rules.find((r) => r.Statement.RateBasedStatement)!;
    expect(rule.Statement.RateBasedStatement).toEqual({ Limit: 2000, AggregateKeyType: 'IP' });
    expect(rule.Action?.Block?.CustomResponse?.ResponseCode).toBe(429);
  });

  it("applies AWS's managed rules for common exploits and known bad inputs, the first without its 8 KiB body limit", () => {
    const groups = acl()[0]!
      .props.Rules.map((r) => r.Statement.ManagedRuleGroupStatement)
      .filter(Boolean);
    expect(groups.map((g) => `${g!.VendorName}/${g!.Name}`)).toEqual([
      'AWS/AWSManagedRulesCommonRuleSet',
      'AWS/AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(groups[0]!.RuleActionOverrides?.map((o) => o.Name)).toEqual(['SizeRestrictions_BODY']);
  });

  it('attaches it to the distribution, reading its ARN where the edge stack publishes it', () => {
    const [parameter] = resources<{ Name: string; Value: unknown }>(
      platform.template('edge'),
      'AWS::SSM::Parameter',
    );
    expect(flatten(parameter!.props.Value)).toMatch(/^\$\{FrontDoorAcl\w+\.Arn\}$/);
    const webAcl = distributionOf(platform).WebACLId as { 'Fn::GetAtt': [string, string] };
    expect(webAcl['Fn::GetAtt'][1]).toBe('Parameter.Value');
    const reader = platform.template('web').toJSON().Resources[webAcl['Fn::GetAtt'][0]] as {
      Type: string;
      Properties: { Create: unknown };
    };
    expect(reader.Type).toBe('Custom::AWS');
    const call = JSON.parse(flatten(reader.Properties.Create));
    expect(call).toMatchObject({
      service: 'SSM',
      action: 'getParameter',
      region: 'us-east-1',
      parameters: { Name: parameter!.props.Name },
    });
  });

  it('sends security headers with every page and API answer: CSP, HSTS, nosniff, referrer policy, no framing', () => {
    const config = distributionOf(platform);
    const [policy] = resources<{
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: unknown };
          StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean };
          ContentTypeOptions: { Override: boolean };
          ReferrerPolicy: { ReferrerPolicy: string };
          FrameOptions: { FrameOption: string };
        };
      };
    }>(platform.template('web'), 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy!.props.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = flatten(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/\$\{import:tongban-dev-data:\w*MaterialsBucket\w*RegionalDomainName\w*\}/,
    );
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(365 * 86400);
    expect(headers.StrictTransportSecurity.IncludeSubdomains).toBe(true);
    expect(headers.ContentTypeOptions.Override).toBe(true);
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    const id = { Ref: policy!.id };
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(id);
    expect(config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')?.ResponseHeadersPolicyId).toEqual(
      id,
    );
  });
});

describe('a stage of the global partition with its domain', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:domain': DOMAIN }, bundle: false });
  });
  afterAll(() => platform?.dispose());

  it('serves the domain with its ACM certificate and TLS 1.2 (2021 policy) at least', () => {
    expect(distributionOf(platform)).toMatchObject({
      Aliases: [DOMAIN.name],
      ViewerCertificate: {
        AcmCertificateArn: DOMAIN.certificate,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });

  it("disables the API's execute-api endpoint: CloudFront is the one way in", () => {
    const [api] = resources<{ DisableExecuteApiEndpoint?: boolean }>(
      platform.template('api'),
      'AWS::ApiGatewayV2::Api',
    );
    expect(api!.props.DisableExecuteApiEndpoint).toBe(true);
  });

  it("forwards /api/* to the API's own domain (TLS 1.2) with the token the functions require", () => {
    const [domain] = resources<{
      DomainName: string;
      DomainNameConfigurations: { SecurityPolicy: string }[];
    }>(platform.template('api'), 'AWS::ApiGatewayV2::DomainName');
    expect(domain!.props.DomainName).toBe(DOMAIN.api.name);
    expect(domain!.props.DomainNameConfigurations[0]!.SecurityPolicy).toBe('TLS_1_2');
    const config = distributionOf(platform);
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    const origin = config.Origins.find((o) => o.Id === api.TargetOriginId)!;
    expect(origin.DomainName).toBe(DOMAIN.api.name);
    const token = origin.OriginCustomHeaders?.find((h) => h.HeaderName === 'x-tongban-origin');
    expect(flatten(token?.HeaderValue)).toMatch(/^\{\{resolve:secretsmanager:/);
    const tokens = resources<{ Environment: { Variables: Record<string, unknown> } }>(
      platform.template('api'),
      'AWS::Lambda::Function',
    )
      // The route handlers: every one is told where the catalog is.
      .filter((fn) => fn.props.Environment?.Variables.CATALOG_BUCKET !== undefined)
      .map((fn) => flatten(fn.props.Environment.Variables.ORIGIN_TOKEN));
    expect(tokens.length).toBeGreaterThan(20);
    // The same secret in both: CloudFront's header names it through the API stack's export.
    const [secret, ...others] = [...new Set(tokens)];
    expect(others).toEqual([]);
    const id = /^\{\{resolve:secretsmanager:\$\{(\w+)\}:SecretString:::\}\}$/.exec(secret!)![1];
    const imported = /\$\{import:([^}]+)\}/.exec(flatten(token?.HeaderValue))![1]!;
    expect(platform.exported(imported)).toEqual({ Ref: id });
  });

  it('derives the sign-in callbacks and the upload CORS origin from the domain: never localhost, never *', () => {
    const clients = resources<{ CallbackURLs: string[]; LogoutURLs: string[] }>(
      platform.template('api'),
      'AWS::Cognito::UserPoolClient',
    );
    expect(clients).toHaveLength(2);
    for (const { props } of clients) {
      expect(props.CallbackURLs).toEqual([`https://${DOMAIN.name}/`]);
      expect(props.LogoutURLs).toEqual([`https://${DOMAIN.name}/`]);
    }
    const cors = resources<{ CorsConfiguration?: { CorsRules: { AllowedOrigins: string[] }[] } }>(
      platform.template('data'),
      'AWS::S3::Bucket',
    ).flatMap((b) => b.props.CorsConfiguration?.CorsRules ?? []);
    expect(cors.map((rule) => rule.AllowedOrigins)).toEqual([[`https://${DOMAIN.name}`]]);
    for (const stack of platform.assembly.stacks)
      expect(JSON.stringify(stack.template)).not.toContain('localhost');
  });
});

describe('the front door in China (stage prod, aws-cn)', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:stage': 'prod' }, bundle: false });
  });
  afterAll(() => platform?.dispose());

  it('serves its ICP-filed domain with an IAM server certificate and TLS 1.2 (2021 policy) at least', () => {
    expect(distributionOf(platform)).toMatchObject({
      Aliases: ['tongban.example.gov.cn'],
      ViewerCertificate: {
        IamCertificateId: 'ASCAEXAMPLEREPLACEME01',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });

  it("disables the API's execute-api endpoint", () => {
    const [api] = resources<{ DisableExecuteApiEndpoint?: boolean }>(
      platform.template('api'),
      'AWS::ApiGatewayV2::Api',
    );
    expect(api!.props.DisableExecuteApiEndpoint).toBe(true);
  });

  it('has no web ACL, which China cannot attach to CloudFront, and never lets uploads come from anywhere', () => {
    expect(platform.assembly.stacks.map((s) => s.stackName)).not.toContain('tongban-prod-edge');
    expect(distributionOf(platform).WebACLId).toBeUndefined();
    for (const stack of platform.assembly.stacks) {
      const text = JSON.stringify(stack.template);
      expect(text, stack.stackName).not.toContain('localhost');
      expect(text, stack.stackName).not.toMatch(/"AllowedOrigins":\["\*"\]/);
    }
  });
});
