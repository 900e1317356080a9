import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { Construct } from 'constructs';
import type { TongbanConfig } from '../config.ts';
import { UserPools } from './user-pools.ts';

export type Audience = 'citizens' | 'staff';

/**
 * Who may call the API, as the stage configures it: Cognito user pools made here (in `aws`; China has none), or
 * any OpenID Connect issuer — the province's unified identity (统一身份认证) — whose tokens an HTTP API JWT
 * authorizer verifies. tongban never sees a password either way. How each issuer's claims read as an identity
 * reaches the functions as `IDENTITY_PROVIDERS` and is applied in one place (shared/domain/identity.ts).
 */
export class Identity extends Construct {
  readonly authorizers: Record<Audience, IHttpRouteAuthorizer>;
  readonly userPools?: UserPools;
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: { config: TongbanConfig }) {
    super(scope, id);
    const { config } = props;
    const { identity } = config;
    if (identity.provider === 'cognito') {
      const pools = new UserPools(scope, 'UserPools', {
        stage: config.stage,
        retainData: config.retainData,
        // Only dev, which has no domain, signs in at local mode's address.
        callbackUrls: [config.webDomain ? `https://${config.webDomain}/` : 'http://localhost:3000/'],
      });
      this.userPools = pools;
      this.authorizers = {
        citizens: new HttpUserPoolAuthorizer('CitizenAuthorizer', pools.citizens, {
          userPoolClients: [pools.citizensClient],
        }),
        staff: new HttpUserPoolAuthorizer('StaffAuthorizer', pools.staff, {
          userPoolClients: [pools.staffClient],
        }),
      };
      this.environment = {};
      return;
    }
    const jwt = (name: string, audience: Audience) =>
      new HttpJwtAuthorizer(name, identity[audience].issuer, { jwtAudience: identity[audience].audience });
    this.authorizers = {
      citizens: jwt('CitizenAuthorizer', 'citizens'),
      staff: jwt('StaffAuthorizer', 'staff'),
    };
    const providers = [identity.citizens, identity.staff].map(({ issuer, audience, claims, roleValues }) => ({
      issuer,
      audience,
      claims,
      ...(roleValues ? { roleValues } : {}),
    }));
    this.environment = { IDENTITY_PROVIDERS: JSON.stringify(providers) };
  }
}
