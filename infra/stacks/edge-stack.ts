import { Stack, type StackProps } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { FrontDoorAcl } from '../constructs/waf.ts';

export interface EdgeStackProps extends StackProps {
  config: TongbanConfig;
}

/** Where the web ACL of the web stack's CloudFront distribution is published (in us-east-1). */
export const webAclParameter = (stage: string) => `/tongban/${stage}/front-door/web-acl-arn`;

/**
 * What CloudFront needs from us-east-1, whatever the stage's region: the web ACL of the front door (a web ACL
 * for CloudFront can live nowhere else), and a parameter naming it, which the web stack reads.
 */
export class EdgeStack extends Stack {
  readonly acl: FrontDoorAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    this.acl = new FrontDoorAcl(this, 'FrontDoor', {
      scope: 'CLOUDFRONT',
      name: `tongban-${props.config.stage}-front-door`,
      rateLimit: props.config.wafRateLimit,
    });
    new ssm.StringParameter(this, 'WebAclArn', {
      parameterName: webAclParameter(props.config.stage),
      description: "tongban: the ARN of the front door's web ACL, attached by the web stack",
      stringValue: this.acl.acl.attrArn,
    });
  }
}
