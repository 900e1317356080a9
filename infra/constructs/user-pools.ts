import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/**
 * Groups of the staff pool; a reviewer's department and region are custom attributes. The system, security and
 * audit administrators are three groups (三员分立), and the API refuses an account in two of them.
 */
export const STAFF_GROUPS = [
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
  'regulator',
] as const;

export interface UserPoolsProps {
  stage: string;
  callbackUrls: string[];
  retainData: boolean;
}

/**
 * Two Cognito user pools: citizens and enterprises sign themselves up; staff are created by administrators,
 * belong to groups and must use MFA. Both put the claims the API relies on into their ID tokens.
 */
export class UserPools extends Construct {
  readonly citizens: cognito.UserPool;
  readonly citizensClient: cognito.UserPoolClient;
  readonly staff: cognito.UserPool;
  readonly staffClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserPoolsProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const common = {
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retainData,
      removalPolicy,
    };

    this.citizens = new cognito.UserPool(this, 'Citizens', {
      ...common,
      userPoolName: `tongban-${props.stage}-citizens`,
      selfSignUpEnabled: true,
      signInAliases: { phone: true, email: true },
      autoVerify: { phone: true },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: true, otp: true },
      accountRecovery: cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
      customAttributes: {
        // The keyed hash (HMAC) of the ID number or 统一社会信用代码: cases are matched to it, the number is never here.
        // Set by real-name verification after sign-up (AdminUpdateUserAttributes), so mutable by admin APIs; the
        // app clients cannot write it (nor the subject type), so a user cannot claim another's hash.
        idHash: new cognito.StringAttribute({ mutable: true }),
        subjectType: new cognito.StringAttribute({ mutable: true }),
        region: new cognito.StringAttribute({ mutable: true }),
      },
    });
    acknowledge(this.citizens, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Citizens (many elderly) may opt in to MFA; real-name verification and threat protection guard sign-in. Staff require MFA.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Cognito sends verification SMS to any phone number; sns:Publish to a number has no resource ARN.',
      },
    ]);

    this.staff = new cognito.UserPool(this, 'Staff', {
      ...common,
      userPoolName: `tongban-${props.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        region: new cognito.StringAttribute({ mutable: true }),
        department: new cognito.StringAttribute({ mutable: true }),
      },
    });
    for (const group of STAFF_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.staff.userPoolId,
        groupName: group,
      });
    }

    // Custom attributes are set by trusted back ends (real-name verification, administrators) only: the
    // public clients may read them into tokens but never write them, or a user could claim another's cases.
    const client = (pool: cognito.UserPool, name: string, custom: string[]) =>
      pool.addClient(name, {
        readAttributes: new cognito.ClientAttributes()
          .withStandardAttributes({ fullname: true, email: true, phoneNumber: true })
          .withCustomAttributes(...custom),
        writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
          fullname: true,
          email: true,
          phoneNumber: true,
        }),
        generateSecret: false,
        authFlows: { userSrp: true },
        preventUserExistenceErrors: true,
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(1),
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE],
          callbackUrls: props.callbackUrls,
          logoutUrls: props.callbackUrls,
        },
      });
    this.citizensClient = client(this.citizens, 'Web', ['idHash', 'subjectType', 'region']);
    this.staffClient = client(this.staff, 'Web', ['region', 'department']);
  }
}
