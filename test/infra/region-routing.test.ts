import { readFileSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type EventBridgeEvent } from '../../events/index.ts';
import { samplePathOf } from '../../events/json-schemas.ts';
import { readCloudAssembly } from '../../infra/local/assembly/cloud-assembly.ts';
import { TemplateModel } from '../../infra/local/assembly/model.ts';
import type { LocalRule } from '../../infra/local/eventbridge/buses.ts';
import { matchesEventPattern } from '../../infra/local/eventbridge/pattern.ts';
import { DEMO_USERS } from '../../infra/local/identity/demo-users.ts';
import { LOCAL_ACCOUNT } from '../../infra/local/platform.ts';
import { eventBusesAndRules } from '../../infra/local/wiring/events.ts';
import { seedCatalog } from '../../infra/seed/catalog/index.ts';
import { SERVICE_CENTRE_REGIONS } from '../../infra/seed/catalog/service-centres.ts';
import type { EventsStack } from '../../infra/stacks/events-stack.ts';
import { type Synthesized, synthesizePlatform } from './support/synth.ts';
import { logicalId, resources } from './support/templates.ts';

/**
 * Every region a case of the seed catalog can be handled or received in — the regions of its implementation
 * items, its service centres' windows and the demo staff — must have a bus and both routing rules in the
 * synthesized app, and the same consumers on that bus as a city. Otherwise its cases reach the hub and stop.
 */
const seed = seedCatalog();
const SEED_REGIONS = [
  ...new Set([
    ...seed.regions.map((r) => r.code),
    ...seed.implementationItems.map((item) => item.region),
    ...SERVICE_CENTRE_REGIONS,
    ...DEMO_USERS.filter((u) => u.role !== 'citizen' && u.role !== 'enterprise').map((u) => u.region),
  ]),
].sort();

const HUB = 'tongban-dev-hub';
const busOf = (code: string) => `tongban-dev-${code}`;

let platform: Synthesized;
let rules: LocalRule[];
beforeAll(() => {
  // Names, patterns and targets only: no bundling.
  platform = synthesizePlatform({ bundle: false });
  rules = eventBusesAndRules(new TemplateModel(readCloudAssembly(platform.app.outdir), LOCAL_ACCOUNT)).rules;
});
afterAll(() => platform?.dispose());

const events = (): Template => platform.template('events');

interface RoutingRule {
  EventBusName: unknown;
  EventPattern: { detail?: { handlingRegion?: unknown[]; receivingRegion?: string[] } };
  Targets: { Arn: unknown }[];
}

/** The ARN reference of the bus named `name`, as a rule's target names it. */
function busArn(name: string): unknown {
  const [bus] = resources<{ Name: string }>(events(), 'AWS::Events::EventBus').filter(
    (b) => b.props.Name === name,
  );
  return bus && { 'Fn::GetAtt': [bus.id, 'Arn'] };
}

const sample = (source: string, detailType: string, detail: object): EventBridgeEvent => {
  const entry = CONTRACT.find((e) => e.source === source && e.detailType === detailType)!;
  const event = JSON.parse(
    readFileSync(new URL(`../../events/${samplePathOf(entry)}`, import.meta.url), 'utf8'),
  ) as EventBridgeEvent;
  return { ...event, account: LOCAL_ACCOUNT.account, detail: { ...event.detail, ...detail } };
};

const matching = (bus: string, event: EventBridgeEvent) =>
  rules.filter((r) => r.busName === bus && matchesEventPattern(r.eventPattern, event));

/** The buses the matched rules forward to. */
const forwardedTo = (matched: LocalRule[]) =>
  matched.flatMap((r) => r.targets.flatMap((t) => /:event-bus\/(.+)$/.exec(t.arn)?.[1] ?? [])).sort();

/**
 * What a rule on a region's bus does, whatever the region: its physical name up to the region code (the rest is
 * CloudFormation's suffix), e.g. `tongban-dev-workflow-DepartmentAnswersAnswers`.
 */
const consumerKind = (code: string) => (rule: LocalRule) => rule.name.split(code)[0]!;

describe('the regions of the seed catalog', () => {
  it('include the province and the special zones, not only the cities', () => {
    expect(SEED_REGIONS).toEqual(expect.arrayContaining(['610000', '610100', '610403', '611100']));
  });

  it.each(SEED_REGIONS)('%s has its own bus, tongban-dev-<code>', (code) => {
    expect(busArn(busOf(code)), code).toBeDefined();
  });

  it.each(SEED_REGIONS)('%s has a rule on the hub for the cases it handles, to its bus', (code) => {
    const hub = logicalId(platform.stack<EventsStack>('events').hubBus);
    const handling = resources<RoutingRule>(events(), 'AWS::Events::Rule').filter(
      (rule) =>
        !rule.props.EventPattern.detail?.receivingRegion &&
        JSON.stringify(rule.props.EventPattern.detail?.handlingRegion) === JSON.stringify([code]),
    );
    expect(handling, code).toHaveLength(1);
    expect(handling[0]!.props.EventBusName).toEqual({ Ref: hub });
    expect(handling[0]!.props.Targets.map((t) => t.Arn)).toEqual([busArn(busOf(code))]);
  });

  it.each(SEED_REGIONS)(
    '%s has a rule on the hub for the cases it received and another region handles, to its bus',
    (code) => {
      const received = resources<RoutingRule>(events(), 'AWS::Events::Rule').filter(
        (rule) => rule.props.EventPattern.detail?.receivingRegion?.join() === code,
      );
      expect(received, code).toHaveLength(1);
      expect(received[0]!.props.EventPattern.detail?.handlingRegion).toEqual([{ 'anything-but': [code] }]);
      expect(received[0]!.props.Targets.map((t) => t.Arn)).toEqual([busArn(busOf(code))]);
    },
  );
});

describe('a case event of each seed region, routed through the synthesized rules', () => {
  it.each(SEED_REGIONS)('handled and received in %s, reaches its bus and no other region’s', (code) => {
    const submitted = sample('tongban.cases', 'Case Submitted', {
      handlingRegion: code,
      receivingRegion: code,
    });
    expect(forwardedTo(matching(HUB, submitted))).toEqual([busOf(code)]);
  });

  it.each(SEED_REGIONS.filter((code) => code !== '610100'))(
    'received in %s for a matter of Xi’an, reaches both buses, once each',
    (code) => {
      const submitted = sample('tongban.cases', 'Case Submitted', {
        handlingRegion: '610100',
        receivingRegion: code,
      });
      expect(forwardedTo(matching(HUB, submitted))).toEqual([busOf('610100'), busOf(code)].sort());
    },
  );
});

describe('the consumers on each seed region’s bus', () => {
  const kinds = (code: string) =>
    rules
      .filter((r) => r.busName === busOf(code))
      .map(consumerKind(code))
      .sort();

  it.each(SEED_REGIONS)('%s has the same rules on its bus as Xi’an', (code) => {
    expect(kinds(code).length).toBeGreaterThan(0);
    expect(kinds(code)).toEqual(kinds('610100'));
  });

  it.each(SEED_REGIONS)(
    '%s takes its departments’ answers, its regulators’ records and the hand-offs sent to it',
    (code) => {
      const answer = sample('tongban.departments', 'Review Decision Submitted', { region: code });
      expect(matching(busOf(code), answer).map(consumerKind(code))).toEqual([
        expect.stringMatching(/Answers$/),
      ]);
      const record = sample('tongban.regulators', 'Supervision Recorded', {
        regulator: { department: 'market-regulation', region: code },
      });
      expect(matching(busOf(code), record).map(consumerKind(code))).toEqual([
        expect.stringMatching(/Supervision$/),
      ]);
      const handOff = sample('tongban.routing', 'Hand-off Sent', {});
      const sent = {
        ...handOff,
        detail: { ...handOff.detail, handoff: { ...(handOff.detail.handoff as object), toRegion: code } },
      };
      expect(matching(busOf(code), sent).map(consumerKind(code))).toEqual([
        expect.stringMatching(/Receive$/),
      ]);
    },
  );
});
