import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Acknowledges cdk-nag findings on a construct and everything under it. Each finding id is a rule, or a rule
 * with its finding (`AwsSolutions-IAM5[Resource::*]`), and each needs a written reason.
 */
export function acknowledge(scope: IConstruct, findings: { id: string; reason: string }[]): void {
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
}
