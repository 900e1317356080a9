import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aws, type CfnElement, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { acknowledge } from '../constructs/nag.ts';
import type { UserPools } from '../constructs/user-pools.ts';

/** The built web app (`npm run build:web`, which start, test and synth run first); local mode serves it at `/`. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface WebStackProps extends StackProps {
  config: TongbanConfig;
  httpApi: apigw.IHttpApi;
  /** With the pools, the app signs in through their hosted UIs (`/config.json`); without, it has no sign-in. */
  userPools?: UserPools;
}

/** The web app on S3 behind CloudFront, with `/api/*` forwarded to the HTTP API on the same origin. */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    if (!existsSync(`${WEB_ROOT}/index.html`)) {
      throw new Error(
        `The web app is not built (${WEB_ROOT} has no index.html): run \`npm run build:web\` first.`,
      );
    }
    const removalPolicy = props.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
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

    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `tongban ${props.config.stage} web`,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        // The app's own routes (/cases/123) are served its index page; files and /api/* are left alone, so an
        // API 404 stays a 404.
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'AppRoutes', {
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              code: cloudfront.FunctionCode.fromInline(
                "function handler(event){var r=event.request;if(r.uri.indexOf('.')<0){r.uri='/index.html';}return r;}",
              ),
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Residents of Shaanxi live and travel everywhere; no geo restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'A WAF web ACL for CloudFront lives in us-east-1 and is attached per deployment (README).',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the default *.cloudfront.net certificate is used; TLS 1.2 is enforced for custom domains.',
      },
    ]);

    new s3deploy.BucketDeployment(this, 'DeployWeb', {
      // The app first: local mode serves the deployment's first source at `/`.
      sources: [s3deploy.Source.asset(WEB_ROOT), ...this.signInConfig(props)],
      destinationBucket: site,
      distribution: this.distribution,
      distributionPaths: ['/*'],
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
   * `/config.json`, read by the app at start: each pool's hosted UI (a Cognito domain per pool, named after the
   * stage and the account so that it is unique in the region) and its public client. The values are resolved at
   * deploy time. Local mode has no such file and uses its local sign-in.
   */
  private signInConfig({ userPools, config }: WebStackProps): s3deploy.ISource[] {
    if (!userPools) return [];
    const hostedUi = (name: string, pool: cognito.UserPool, client: cognito.UserPoolClient) => {
      const domain = new cognito.UserPoolDomain(this, `${name}Domain`, {
        userPool: pool,
        cognitoDomain: { domainPrefix: `tongban-${config.stage}-${name.toLowerCase()}-${Aws.ACCOUNT_ID}` },
      });
      return { domain: domain.baseUrl(), clientId: client.userPoolClientId };
    };
    return [
      s3deploy.Source.jsonData('config.json', {
        mode: 'cognito',
        citizens: hostedUi('Citizens', userPools.citizens, userPools.citizensClient),
        staff: hostedUi('Staff', userPools.staff, userPools.staffClient),
      }),
    ];
  }
}
