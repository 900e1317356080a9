import { Stack } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { webAclParameter } from '../stacks/edge-stack.ts';
import { acknowledge } from './nag.ts';
import { PlatformLogGroup } from './platform-logs.ts';

/**
 * The ARN of the front door's web ACL (edge stack, us-east-1), for the distribution. The stage's own stacks take
 * their region from the credentials that deploy them, so the ARN cannot be a CloudFormation reference across
 * regions: a CDK-managed custom resource reads it from the edge stack's parameter in us-east-1 at deploy time.
 */
export class WebAclArn extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    const name = webAclParameter(props.stage);
    const parameterArn = Stack.of(this).formatArn({
      service: 'ssm',
      region: 'us-east-1',
      resource: 'parameter',
      resourceName: name.slice(1),
    });
    const read: cr.AwsSdkCall = {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: name },
      region: 'us-east-1',
      physicalResourceId: cr.PhysicalResourceId.of(name),
    };
    const reader = new cr.AwsCustomResource(this, 'WebAclArn', {
      onCreate: read,
      onUpdate: read,
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      logGroup: new PlatformLogGroup(this, 'Logs'),
      installLatestAwsSdk: false,
    });
    this.arn = reader.getResponseField('Parameter.Value');
    // The singleton handler CDK adds to the stack for every AwsCustomResource.
    const handler = Stack.of(this).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    if (handler) {
      acknowledge(handler, [
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            "AwsCustomResource's CDK-managed handler, which reads the web ACL's ARN; it only needs to write its logs.",
        },
        { id: 'AwsSolutions-L1', reason: "AwsCustomResource's CDK-managed handler; CDK pins its runtime." },
      ]);
    }
  }
}
