import type { TemplateModel } from '../assembly/model.ts';
import type { LocalUserPool } from '../identity/issuer.ts';

/**
 * The app's Cognito user pools, as the local issuer impersonates them. A pool where only administrators
 * create users is the staff pool; the other is for citizens and enterprises.
 */
export function userPoolsOf(model: TemplateModel): LocalUserPool[] {
  const clients = model.ofType('AWS::Cognito::UserPoolClient').map((c) => ({
    id: model.ref(c),
    pool: String(model.properties(c).UserPoolId),
  }));
  return model.ofType('AWS::Cognito::UserPool').map((pool) => {
    const id = model.ref(pool);
    const props = model.properties(pool);
    const adminOnly = (props.AdminCreateUserConfig as { AllowAdminCreateUserOnly?: boolean } | undefined)
      ?.AllowAdminCreateUserOnly;
    return {
      id,
      issuer: `https://cognito-idp.${model.account.region}.amazonaws.com/${id}`,
      clientIds: clients.filter((c) => c.pool === id).map((c) => c.id),
      audience: adminOnly ? 'staff' : 'citizens',
    };
  });
}

/** The directory the web deployment would copy to its bucket: what CloudFront serves at `/`. */
export function webRootOf(model: TemplateModel): string | undefined {
  const deployment = model.ofType('Custom::CDKBucketDeployment')[0];
  if (!deployment) return undefined;
  const keys = model.properties(deployment).SourceObjectKeys as string[];
  return model.stack(deployment.stackName).assetsByObjectKey.get(keys[0]!);
}
