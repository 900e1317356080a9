import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

export interface SecurityHeadersProps {
  /** Origins the app fetches from besides its own: the materials bucket (uploads, previews), the sign-in issuers. */
  connect: string[];
}

/**
 * The response headers every page and API answer leaves CloudFront with (issue 12): a Content-Security-Policy
 * that lets the app load only its own scripts and talk only to itself, the materials bucket and the sign-in
 * issuers, and that no other site may frame (frame-ancestors); HSTS for two years; no MIME sniffing; the
 * origin alone as referrer.
 */
export class SecurityHeaders extends Construct {
  readonly policy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SecurityHeadersProps) {
    super(scope, id);
    const connect = ["'self'", ...props.connect].join(' ');
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      // Ant Design writes its styles at run time (CSS-in-JS): inline styles, never inline scripts.
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: ${props.connect.join(' ')}`.trim(),
      `connect-src ${connect}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    this.policy = new cloudfront.ResponseHeadersPolicy(this, 'Policy', {
      comment: 'tongban: CSP, HSTS, nosniff, referrer policy, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
    });
  }
}
