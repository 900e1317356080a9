import type { TemplateModel } from './assembly/model.ts';

interface SecurityHeadersConfig {
  ContentSecurityPolicy?: { ContentSecurityPolicy: string };
  ContentTypeOptions?: unknown;
  FrameOptions?: { FrameOption: string };
  ReferrerPolicy?: { ReferrerPolicy: string };
}

/**
 * The security headers CloudFront adds to every page and API answer (the web stack's response-headers policy),
 * as the local front server adds them: read from the synthesized policy, so there is one definition. Two
 * differences, both because local mode is plain HTTP on localhost: no HSTS (a browser would remember it for
 * localhost), and the local S3 server is added to the sources the app may reach (uploads, previews).
 */
export function securityHeadersOf(model: TemplateModel, s3Endpoint: string): Record<string, string> {
  const policy = model.ofType('AWS::CloudFront::ResponseHeadersPolicy')[0];
  if (!policy) return {};
  const config = (
    model.properties(policy).ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig?: SecurityHeadersConfig;
    }
  ).SecurityHeadersConfig;
  if (!config) return {};
  const headers: Record<string, string> = {};
  const csp = config.ContentSecurityPolicy?.ContentSecurityPolicy;
  if (csp) {
    headers['content-security-policy'] = csp
      .split(';')
      .map((d) => d.trim())
      .map((d) => (/^(connect-src|img-src) /.test(d) ? `${d} ${s3Endpoint}` : d))
      .join('; ');
  }
  if (config.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (config.FrameOptions) headers['x-frame-options'] = config.FrameOptions.FrameOption;
  if (config.ReferrerPolicy) headers['referrer-policy'] = config.ReferrerPolicy.ReferrerPolicy;
  return headers;
}
