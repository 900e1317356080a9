import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aws, type CfnElement, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import type { ApiOrigin } from '../constructs/api-origin.ts';
import { ORIGIN_HEADER } from '../constructs/api-origin.ts';
import { acknowledge } from '../constructs/nag.ts';
import { PlatformLogGroup } from '../constructs/platform-logs.ts';
import { SecurityHeaders } from '../constructs/security-headers.ts';
import type { UserPools } from '../constructs/user-pools.ts';
import { WebAclArn } from '../constructs/web-acl-arn.ts';

/** The built web app (`cdk synth` runs scripts/build-web.mjs first, as do start and test); local mode serves it at `/`. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface WebStackProps extends StackProps {
  config: TongbanConfig;
  httpApi: apigw.IHttpApi;
  /** The API's own domain, which only CloudFront calls (stages with a domain). */
  apiOrigin?: ApiOrigin;
  /** The materials bucket, which the app uploads to and previews from (Content-Security-Policy). */
  materialsBucket: s3.IBucket;
  /** With the pools, the app signs in through their hosted UIs (`/config.json`); without, with the OIDC issuers. */
  userPools?: UserPools;
}

/**
 * The web app on S3 behind CloudFront, with `/api/*` forwarded to the HTTP API on the same origin: the one
 * public entry. In `aws` it is guarded by the front door's web ACL (edge stack) and serves the stage's domain
 * with TLS 1.2 at least. CloudFront in China (`aws-cn`) has no CloudFront Functions, no origin access control
 * and no WAF (AWS WAF is regional only there), and serves only a domain with an ICP filing, with an IAM server
 * certificate: the README says what that means.
 */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    if (!existsSync(`${WEB_ROOT}/index.html`)) {
      throw new Error(
        `The web app is not built (${WEB_ROOT} has no index.html): run \`npm run build:web\` first.`,
      );
    }
    const { config } = props;
    const china = config.partition === 'aws-cn';
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logs = new AccessLogsBucket(this, 'WebAccessLogs', {
      removalPolicy,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });
    const site = new s3.Bucket(this, 'WebBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new SecurityHeaders(this, 'SecurityHeaders', {
      connect: [`https://${props.materialsBucket.bucketRegionalDomainName}`, ...this.signInOrigins(props)],
    });
    const api = props.apiOrigin
      ? new origins.HttpOrigin(config.domain!.api.name, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          customHeaders: { [ORIGIN_HEADER]: props.apiOrigin.token.unsafeUnwrap() },
        })
      : new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        });
    const domain = config.domain;
    const webAcl = china ? undefined : new WebAclArn(this, 'FrontDoor', { stage: config.stage });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `tongban ${config.stage} web`,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      webAclId: webAcl?.arn,
      ...(domain && !china
        ? {
            domainNames: [domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificate),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: china
          ? origins.S3BucketOrigin.withOriginAccessIdentity(site)
          : origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers.policy,
        // The app's own routes (/cases/123) are served its index page; files and /api/* are left alone, so an
        // API 404 stays a 404.
        ...(china ? {} : { functionAssociations: [this.appRoutes()] }),
      },
      additionalBehaviors: {
        '/api/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers.policy,
        },
      },
    });
    if (china && domain) this.servedInChina(domain.name, domain.certificate);
    this.acknowledgeEntry(config);
    this.deploy(site, props);
  }

  /** CloudFront in China serves an ICP-filed alias with a certificate from the IAM store, TLS 1.2 at least. */
  private servedInChina(name: string, iamCertificateId: string): void {
    const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
    cfn.addPropertyOverride('DistributionConfig.Aliases', [name]);
    cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
      IamCertificateId: iamCertificateId,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
  }

  private appRoutes(): cloudfront.FunctionAssociation {
    return {
      eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
      function: new cloudfront.Function(this, 'AppRoutes', {
        runtime: cloudfront.FunctionRuntime.JS_2_0,
        code: cloudfront.FunctionCode.fromInline(
          "function handler(event){var r=event.request;if(r.uri.indexOf('.')<0){r.uri='/index.html';}return r;}",
        ),
      }),
    };
  }

  private acknowledgeEntry(config: TongbanConfig): void {
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Residents of Shaanxi live and travel everywhere; no geo restriction.',
      },
      ...(config.partition === 'aws-cn'
        ? [
            {
              id: 'AwsSolutions-CFR2',
              reason:
                'AWS WAF is regional only in the China regions (AWS China documentation, "Amazon WAF"): no web ACL can be attached to a CloudFront distribution there.',
            },
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'cdk-nag reads the distribution before servedInChina sets its viewer certificate: an IAM server certificate, sni-only, minimum TLSv1.2_2021.',
            },
            {
              id: 'AwsSolutions-CFR7',
              reason:
                'CloudFront in China offers no origin access control (infra/partitions.json): the private site bucket is read through an origin access identity.',
            },
          ]
        : []),
      ...(config.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Stage dev has no domain, so CloudFront serves its default *.cloudfront.net certificate, whose minimum TLS version cannot be raised; synthesis refuses any other stage without a domain.',
            },
          ]),
    ]);
  }

  /** The app into the site bucket, and `/config.json`, which tells it how to sign in. */
  private deploy(site: s3.Bucket, props: WebStackProps): void {
    new s3deploy.BucketDeployment(this, 'DeployWeb', {
      // The app first: local mode serves the deployment's first source at `/`.
      sources: [s3deploy.Source.asset(WEB_ROOT), s3deploy.Source.jsonData('config.json', this.signIn(props))],
      destinationBucket: site,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      logGroup: new PlatformLogGroup(this, 'DeployWebLogs'),
    });
    const deployment =
      'BucketDeployment, a CDK-managed custom resource, copies the web asset into the site bucket';
    // CDK creates the deployment's handler once per stack, beside the construct rather than under it.
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    acknowledge(handler, [
      { id: 'AwsSolutions-L1', reason: `${deployment}; CDK pins its handler's runtime.` },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${deployment}; its handler only needs to write its logs.`,
      },
      ...[
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Resource::*',
        `Resource::<${this.getLogicalId(site.node.defaultChild as CfnElement)}.Arn>/*`,
        'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `${deployment}; CDK grants it read on the asset and write on the site bucket.`,
      })),
    ]);
  }

  /**
   * `/config.json`, read by the app at start. With Cognito: each pool's hosted UI (a Cognito domain per pool,
   * named after the stage and the account so that it is unique in the region) and its public client; with the
   * province's identity: each issuer and the client id the app signs in as. Local mode has no such file and
   * uses its local sign-in.
   */
  private signIn({ userPools, config }: WebStackProps): Record<string, unknown> {
    if (!userPools) {
      if (config.identity.provider !== 'oidc') throw new Error('no user pools and no OIDC issuers');
      const issuer = ({ issuer, audience }: { issuer: string; audience: string[] }) => ({
        issuer,
        clientId: audience[0],
      });
      return {
        mode: 'oidc',
        citizens: issuer(config.identity.citizens),
        staff: issuer(config.identity.staff),
      };
    }
    const hostedUi = (name: string, pool: cognito.UserPool, client: cognito.UserPoolClient) => {
      const domain = new cognito.UserPoolDomain(this, `${name}Domain`, {
        userPool: pool,
        cognitoDomain: { domainPrefix: `tongban-${config.stage}-${name.toLowerCase()}-${Aws.ACCOUNT_ID}` },
      });
      return { domain: domain.baseUrl(), clientId: client.userPoolClientId };
    };
    return {
      mode: 'cognito',
      citizens: hostedUi('Citizens', userPools.citizens, userPools.citizensClient),
      staff: hostedUi('Staff', userPools.staff, userPools.staffClient),
    };
  }

  /** Where the app exchanges sign-in codes for tokens. */
  private signInOrigins({ config }: WebStackProps): string[] {
    if (config.identity.provider === 'cognito') return ['https://*.amazoncognito.com'];
    const { citizens, staff } = config.identity;
    return [...new Set([citizens.issuer, staff.issuer].map((issuer) => new URL(issuer).origin))];
  }
}
