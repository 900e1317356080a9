import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiStack } from '../../infra/stacks/api-stack.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';
import { asList, flatten, logicalId, resources } from './support/templates.ts';

const STACKS = ['data', 'events', 'workflow', 'api', 'catalog', 'edge', 'web', 'audit', 'observability'];

// Permissions do not depend on the functions' bundles: one synthesis without bundling.
let platform: Synthesized;
beforeAll(() => {
  platform = synthesizePlatform({ bundle: false });
});
afterAll(() => platform?.dispose());

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
interface PolicyProps {
  PolicyDocument: { Statement: Statement[] };
  Roles: { Ref: string }[];
}

/**
 * Every IAM statement of the app that allows `kms:GenerateMac` (by name or by a wildcard that covers it) on the
 * ID hash key: named in its own stack, imported in another, or any resource at all.
 */
function statementsAllowingGenerateMac(key: string) {
  const covers = (action: string) => /^(\*|kms:\*|kms:Generate\*|kms:GenerateMac)$/.test(action);
  const names = (resource: unknown) =>
    asList(resource)
      .map(flatten)
      .some((arn) => {
        const imported = /^\$\{import:(.+)\}$/.exec(arn)?.[1];
        return (
          arn === '*' ||
          arn === `\${${key}.Arn}` ||
          (imported && flatten(platform.exported(imported)) === `\${${key}.Arn}`)
        );
      });
  return STACKS.flatMap((part) =>
    resources<PolicyProps>(platform.template(part), 'AWS::IAM::Policy').flatMap((policy) =>
      policy.props.PolicyDocument.Statement.filter(
        (s) => s.Effect === 'Allow' && asList(s.Action).some(covers) && names(s.Resource),
      ).map((statement) => ({ stack: part, roles: policy.props.Roles.map((r) => r.Ref), statement })),
    ),
  );
}

describe('the ID hash key', () => {
  const data = () => platform.template('data');
  const key = () => logicalId(platform.stack<DataStack>('data').idHashKey);

  it('is a KMS HMAC key (HMAC_256, GENERATE_VERIFY_MAC) in the data stack, kept with the data', () => {
    expect(data().toJSON().Resources[key()]).toMatchObject({
      Type: 'AWS::KMS::Key',
      Properties: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
      DeletionPolicy: 'Retain',
    });
  });

  it('leaves access to IAM: its key policy names no principal but the account', () => {
    const { KeyPolicy } = data().toJSON().Resources[key()].Properties as {
      KeyPolicy: { Statement: { Principal: { AWS: unknown } }[] };
    };
    expect(KeyPolicy.Statement).toHaveLength(1);
    expect(JSON.stringify(KeyPolicy.Statement[0]!.Principal.AWS)).toContain(':root');
  });

  // The functions ID numbers are typed into, at a window: taking in an application, and finding the
  // walk-in's e-licences. They are the only ones the key is granted and named to.
  const typedIn = () => {
    const api = platform.stack<ApiStack>('api');
    return ['window/take-in.ts', 'licences/walk-in.ts'].map((h) => api.functions.get(h)!);
  };

  it('may be used for GenerateMac by the functions ID numbers are typed into only, on that key only', () => {
    const granted = statementsAllowingGenerateMac(key());
    expect(granted).toHaveLength(typedIn().length);
    expect(granted.flatMap((g) => g.roles).sort()).toEqual(
      typedIn()
        .map((f) => logicalId(f.role!))
        .sort(),
    );
    for (const g of granted) {
      expect(g).toMatchObject({
        stack: 'api',
        statement: expect.objectContaining({ Action: 'kms:GenerateMac' }),
      });
    }
  });

  it('is named to those functions in their environment, and to no other function', () => {
    const withKey = STACKS.flatMap((part) =>
      resources<{ Environment?: { Variables?: Record<string, unknown> } }>(
        platform.template(part),
        'AWS::Lambda::Function',
      ).filter((fn) => fn.props.Environment?.Variables?.ID_HASH_KEY_ID !== undefined),
    );
    expect(withKey.map((fn) => fn.id).sort()).toEqual(
      typedIn()
        .map((f) => logicalId(f))
        .sort(),
    );
  });
});
