import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';

/** What each partition's CloudFormation offers, with its source (infra/partitions.json). */
const OFFERED = JSON.parse(readFileSync(new URL('../../infra/partitions.json', import.meta.url), 'utf8')) as {
  source: string;
  types: Record<string, { aws: boolean; 'aws-cn': boolean }>;
};

/** Every resource of every stack, by type. */
function typesOf(platform: Synthesized): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stack of platform.assembly.stacks) {
    for (const resource of Object.values(stack.template.Resources ?? {}) as { Type: string }[]) {
      counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
    }
  }
  return counts;
}

// Names and types only: no bundling.
const stages = [
  { stage: 'dev', partition: 'aws' as const },
  { stage: 'prod', partition: 'aws-cn' as const },
];

describe.each(stages)('the stage $stage, for the $partition partition', ({ stage, partition }) => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:stage': stage }, bundle: false });
  });
  afterAll(() => platform?.dispose());

  it(`uses only resource types CloudFormation offers in ${partition} (infra/partitions.json names its source)`, () => {
    expect(OFFERED.source).toMatch(/cfn-lint/);
    const types = [...typesOf(platform).keys()].filter((type) => !type.startsWith('Custom::'));
    const unlisted = types.filter((type) => !OFFERED.types[type]);
    expect(unlisted, 'types to look up in the source and add to infra/partitions.json').toEqual([]);
    expect(types.filter((type) => !OFFERED.types[type]![partition])).toEqual([]);
  });

  it('refuses, by a CloudFormation rule in every template, to be deployed into another partition', () => {
    for (const stack of platform.assembly.stacks) {
      const rules = JSON.stringify(stack.template.Rules ?? {});
      expect(rules, stack.stackName).toContain(`{"Fn::Equals":[{"Ref":"AWS::Partition"},"${partition}"]}`);
    }
  });

  it('counts its resources', () => {
    const total = [...typesOf(platform).values()].reduce((a, b) => a + b, 0);
    // The figure the issue note quotes; a big change here should be a conscious one.
    expect(total).toBeGreaterThan(600);
    console.log(`${stage} (${partition}): ${platform.assembly.stacks.length} stacks, ${total} resources`);
  });
});

describe('the China partition (aws-cn)', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:stage': 'prod' }, bundle: false });
  });
  afterAll(() => platform?.dispose());

  it('has no Cognito user pool: the province’s OIDC issuers sign people in', () => {
    expect([...typesOf(platform).keys()].filter((type) => type.startsWith('AWS::Cognito::'))).toEqual([]);
    const issuers = Object.values(
      platform.template('api').toJSON().Resources as Record<
        string,
        { Type: string; Properties: { JwtConfiguration?: { Issuer: string } } }
      >,
    )
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Authorizer')
      .map((r) => r.Properties.JwtConfiguration?.Issuer);
    expect(issuers.sort()).toEqual([
      'https://sso.example.gov.cn/oidc/citizens',
      'https://sso.example.gov.cn/oidc/staff',
    ]);
  });

  it('deploys only into the region its configuration names', () => {
    const rules = JSON.stringify(platform.template('data').toJSON().Rules);
    expect(rules).toContain('{"Fn::Equals":[{"Ref":"AWS::Region"},"cn-northwest-1"]}');
  });

  it('takes its partition from its region: Beijing (cn-north-1) is aws-cn as Ningxia is', () => {
    const beijing = synthesizePlatform({
      context: { 'tongban:stage': 'prod', 'tongban:region': 'cn-north-1' },
      bundle: false,
    });
    try {
      const rules = JSON.stringify(beijing.template('data').toJSON().Rules);
      expect(rules).toContain('{"Fn::Equals":[{"Ref":"AWS::Partition"},"aws-cn"]}');
      expect(rules).toContain('{"Fn::Equals":[{"Ref":"AWS::Region"},"cn-north-1"]}');
    } finally {
      beijing.dispose();
    }
  });
});
