import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import type { RegionConfig } from '../../infra/config.ts';
import { PROVINCE_CODE, SEED_REGIONS } from '../../infra/seed/catalog/regions.ts';
import { newApp, type Synthesized, synthesizePlatform } from './support/synth.ts';
import { resources } from './support/templates.ts';

// These tests look at names and counts, not at function code: bundling is skipped to keep them fast.
const synthesize = (context: Record<string, unknown>) => synthesizePlatform({ context, bundle: false });
const build = (context: Record<string, unknown>) => () => {
  const app = newApp({ context, bundle: false });
  try {
    buildApp(app);
  } finally {
    rmSync(app.outdir, { recursive: true, force: true });
  }
};

const region = (code: string): RegionConfig => ({ code, name: `市${code}`, nameEn: `City ${code}` });

describe('a deployment configured with three regions', () => {
  const cities = ['610100', '610200', '610300'];
  // The province handles and receives cases too (its departments decide provincial-level matters).
  const codes = [PROVINCE_CODE, ...cities];
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesize({ 'tongban:regions': cities.map(region) });
  });
  afterAll(() => platform?.dispose());

  it("has the province's bus and the three regions' besides the hub", () => {
    const names = resources<{ Name: string }>(platform.template('events'), 'AWS::Events::EventBus').map(
      (bus) => bus.props.Name,
    );
    expect(names.sort()).toEqual(['tongban-dev-hub', ...codes.map((code) => `tongban-dev-${code}`)].sort());
  });

  it('has one routing rule per region and the province for the cases it handles, and one for those it received', () => {
    const rules = resources<{
      EventPattern: { detail: { handlingRegion: unknown[]; receivingRegion?: string[] } };
    }>(platform.template('events'), 'AWS::Events::Rule');
    const handling = rules.filter((rule) => !rule.props.EventPattern.detail.receivingRegion);
    expect(handling.map((rule) => rule.props.EventPattern.detail.handlingRegion).sort()).toEqual(
      codes.map((code) => [code]),
    );
    const received = rules.filter((rule) => rule.props.EventPattern.detail.receivingRegion);
    expect(received.map((rule) => rule.props.EventPattern.detail.receivingRegion).sort()).toEqual(
      codes.map((code) => [code]),
    );
  });
});

describe('a deployment of the stage "prod"', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesize({ 'tongban:stage': 'prod' });
  });
  afterAll(() => platform?.dispose());

  it('names its eight stacks tongban-prod-* (no edge stack: China has no WAF for CloudFront)', () => {
    expect(platform.assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(
      ['api', 'audit', 'catalog', 'data', 'events', 'observability', 'web', 'workflow'].map(
        (part) => `tongban-prod-${part}`,
      ),
    );
  });

  it('uses the stage in the names of its buses, state machine, API and dashboard', () => {
    const named = (part: string, type: string, property: string) =>
      resources<Record<string, string>>(platform.template(part), type).map((r) => r.props[property]);
    expect(named('events', 'AWS::Events::EventBus', 'Name')).toContain('tongban-prod-hub');
    expect(named('events', 'AWS::Events::EventBus', 'Name')).toContain('tongban-prod-610100');
    expect(named('workflow', 'AWS::StepFunctions::StateMachine', 'StateMachineName')).toEqual([
      'tongban-prod-approval',
    ]);
    expect(named('api', 'AWS::ApiGatewayV2::Api', 'Name')).toEqual(['tongban-prod']);
    expect(named('observability', 'AWS::CloudWatch::Dashboard', 'DashboardName')).toEqual(['tongban-prod']);
  });

  it('tells every function its stage', () => {
    const stages = ['events', 'workflow', 'api'].flatMap((part) =>
      resources<{ Environment: { Variables: { STAGE: string } } }>(
        platform.template(part),
        'AWS::Lambda::Function',
      ).map((fn) => fn.props.Environment.Variables.STAGE),
    );
    expect(stages.length).toBeGreaterThanOrEqual(8);
    expect(new Set(stages)).toEqual(new Set(['prod']));
  });
});

describe('a deployment that names no regions', () => {
  it("serves the seed catalog's regions: the province, its cities and its special zones", () => {
    const platform = synthesize({ 'tongban:province': undefined, 'tongban:regions': undefined });
    try {
      const names = resources<{ Name: string }>(platform.template('events'), 'AWS::Events::EventBus').map(
        (bus) => bus.props.Name,
      );
      expect(names.sort()).toEqual(
        ['tongban-dev-hub', ...SEED_REGIONS.map((r) => `tongban-dev-${r.code}`)].sort(),
      );
    } finally {
      platform.dispose();
    }
  });
});

describe('a webhook of a provincial department', () => {
  it('is accepted: the province has its own bus for the review requests of its departments', () => {
    const hook = {
      department: 'public-security',
      region: PROVINCE_CODE,
      endpoint: 'https://ps.example',
      secretName: 'tongban/webhooks/public-security-610000',
    };
    expect(build({ 'tongban:webhooks': [hook] })).not.toThrow();
  });
});

describe('a configuration given on the command line', () => {
  it('reads regions passed as JSON text, as `cdk -c tongban:regions=[...]` passes them', () => {
    const platform = synthesize({ 'tongban:regions': JSON.stringify(['610100', '610300'].map(region)) });
    try {
      const buses = resources(platform.template('events'), 'AWS::Events::EventBus');
      // The hub, the province's and the two regions'.
      expect(buses).toHaveLength(4);
    } finally {
      platform.dispose();
    }
  });
});

describe('an invalid configuration', () => {
  it('is refused when a region code is not six digits', () => {
    expect(build({ 'tongban:regions': [region('61010')] })).toThrow(
      /tongban:regions: every region needs a 6-digit GB\/T 2260 code and a name, got .*"61010"/,
    );
  });

  it('is refused when a region has no name', () => {
    expect(build({ 'tongban:regions': [{ code: '610100', name: '', nameEn: "Xi'an" }] })).toThrow(
      /every region needs a 6-digit GB\/T 2260 code and a name/,
    );
  });

  it('is refused when two regions share a code', () => {
    expect(build({ 'tongban:regions': [region('610100'), region('610100')] })).toThrow(
      'tongban:regions: region codes must be unique',
    );
  });

  it('is refused when a region has the code of the province', () => {
    expect(build({ 'tongban:regions': [region(PROVINCE_CODE)] })).toThrow('region codes must be unique');
  });

  it('is refused when the stage has no configuration file', () => {
    expect(build({ 'tongban:stage': 'qa' })).toThrow(
      'tongban:stage "qa" has no configuration file config/qa.json',
    );
  });

  it('is refused when the stage name could not be part of a resource name', () => {
    expect(build({ 'tongban:stage': 'QA' })).toThrow(
      /tongban:stage "QA" must be lower-case letters, digits or "-"/,
    );
  });
});
