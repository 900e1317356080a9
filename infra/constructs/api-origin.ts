import { CfnOutput, type SecretValue } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { DomainConfig } from '../config.ts';
import { acknowledge } from './nag.ts';

/** The header CloudFront adds to every request it forwards to the API, and the API checks (shared/http). */
export const ORIGIN_HEADER = 'x-tongban-origin';

/**
 * The API's own domain (TLS 1.2), which only CloudFront calls: with the execute-api endpoint disabled, it is
 * the API's one address, and the functions refuse any request without the token CloudFront adds, so that no
 * one reaches the API past the WAF by calling its domain directly.
 */
export class ApiOrigin extends Construct {
  readonly domainName: apigw.DomainName;
  /** The shared token, resolved by CloudFormation at deploy time in both CloudFront and the functions. */
  readonly token: SecretValue;
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: { domain: DomainConfig; stage: apigw.HttpStage }) {
    super(scope, id);
    this.domainName = new apigw.DomainName(this, 'DomainName', {
      domainName: props.domain.api.name,
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.api.certificateArn),
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    });
    new apigw.ApiMapping(this, 'Mapping', {
      api: props.stage.api,
      domainName: this.domainName,
      stage: props.stage,
    });
    const secret = new secrets.Secret(this, 'Token', {
      description: 'tongban: the token CloudFront sends the API with every request (x-tongban-origin)',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    acknowledge(secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'A token shared by CloudFront and the API, resolved into both at deploy time: a new value takes a deploy of both stacks, not a rotation Lambda.',
      },
    ]);
    this.token = secret.secretValue;
    this.environment = { ORIGIN_TOKEN: this.token.unsafeUnwrap() };
    // The DNS name the API's domain must point at (a CNAME at the province's DNS, or a Route 53 alias).
    new CfnOutput(this, 'Target', { value: this.domainName.regionalDomainName });
  }
}
