import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type ContractEntry, type EventBridgeEvent } from '../../events/index.ts';
import { samplePathOf } from '../../events/json-schemas.ts';
import { buildApp } from '../../infra/app.ts';
import { readCloudAssembly } from '../../infra/local/assembly/cloud-assembly.ts';
import { TemplateModel } from '../../infra/local/assembly/model.ts';
import type { LocalRule } from '../../infra/local/eventbridge/buses.ts';
import { matchesEventPattern, validateEventPattern } from '../../infra/local/eventbridge/pattern.ts';
import { LOCAL_ACCOUNT } from '../../infra/local/platform.ts';
import { eventBusesAndRules } from '../../infra/local/wiring/events.ts';
import { newApp } from './support/synth.ts';

/**
 * The synthesized rules, read as local mode reads them (intrinsics resolved, as CloudFormation would), with
 * the contract's sample events routed through them.
 */
let outdir: string;
let model: TemplateModel;
let rules: LocalRule[];

beforeAll(() => {
  const app = buildApp(newApp({ bundle: false }));
  outdir = app.outdir;
  app.synth();
  model = new TemplateModel(readCloudAssembly(outdir), LOCAL_ACCOUNT);
  rules = eventBusesAndRules(model).rules;
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const HUB = 'tongban-dev-hub';
const busOfRegion = (code: string) => `tongban-dev-${code}`;

const sampleOf = (source: string, detailType: string) => {
  const entry = CONTRACT.find((e) => e.source === source && e.detailType === detailType);
  if (!entry) throw new Error(`no ${source} ${detailType} in the contract`);
  return sample(entry);
};

const committedSample = (entry: ContractEntry): EventBridgeEvent =>
  JSON.parse(readFileSync(new URL(`../../events/${samplePathOf(entry)}`, import.meta.url), 'utf8'));

/** The entry's sample as it arrives on a bus of this deployment: its account is the bus's account. */
function sample(entry: ContractEntry, detail: Record<string, unknown> = {}): EventBridgeEvent {
  const event = committedSample(entry);
  return { ...event, account: model.account.account, detail: { ...event.detail, ...detail } };
}
const namesHandlingRegion = (entry: ContractEntry) => 'handlingRegion' in committedSample(entry).detail;

/** The bus an event is put on: answers on the sender's region bus, everything else on the hub. */
function busOf(entry: ContractEntry, event: EventBridgeEvent): string {
  if (entry.audience !== 'answer') return HUB;
  const { region, regulator } = event.detail as { region?: string; regulator?: { region: string } };
  return busOfRegion(region ?? regulator!.region);
}

const matching = (bus: string, event: EventBridgeEvent) =>
  rules.filter(
    (r) => r.busName === bus && r.state === 'ENABLED' && matchesEventPattern(r.eventPattern, event),
  );

/** The buses the rules an event matches forward it to. */
const forwardedTo = (matched: LocalRule[]) =>
  matched
    .flatMap((r) => r.targets.map((t) => /:event-bus\/(.+)$/.exec(t.arn)?.[1]))
    .filter(Boolean)
    .sort();

/** The rules whose logical id (the end of their physical name, before CDK's hash) ends with `id`. */
const named = (matched: LocalRule[], id: string) =>
  matched.filter((r) => new RegExp(`${id}[A-F0-9]{8}$`).test(r.name));

describe('every synthesized EventBridge rule', () => {
  it('is found in the stacks that route events: the hub, the region buses and the default bus', () => {
    const buses = new Set(rules.map((r) => r.busName));
    expect(buses).toContain(HUB);
    expect(buses).toContain(busOfRegion('610100'));
    expect(buses).toContain('default');
  });

  it('has a pattern, once CloudFormation has resolved it, that the pattern matcher accepts', () => {
    // A schedule rule (rate(…)) matches no events: it has no pattern to check.
    const resources = [...model.ofType('AWS::Events::Rule'), ...model.ofType('AWS::Events::Archive')].filter(
      (r) => !model.properties(r).ScheduleExpression,
    );
    expect(resources.length).toBeGreaterThan(0);
    const refused = resources.flatMap((r) => {
      const pattern = model.properties(r).EventPattern;
      try {
        validateEventPattern(pattern);
        return [];
      } catch (error) {
        return [`${r.path}: ${(error as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
  });

  it('listens only for detail-types of its sources that the contract defines', () => {
    const unknown = rules.flatMap((rule) => {
      const pattern = (rule.eventPattern ?? {}) as { source?: unknown[]; 'detail-type'?: unknown[] };
      const sources = (pattern.source ?? []).filter((s): s is string => typeof s === 'string');
      const types = (pattern['detail-type'] ?? []).filter((t): t is string => typeof t === 'string');
      return sources
        .filter((s) => s.startsWith('tongban.'))
        .flatMap((source) => types.map((detailType) => ({ source, detailType })))
        .filter(
          ({ source, detailType }) =>
            !CONTRACT.some((e) => e.source === source && e.detailType === detailType),
        )
        .map(({ source, detailType }) => `${rule.name}: ${source} ${detailType}`);
    });
    expect(unknown).toEqual([]);
  });
});

describe('the sample events, routed through the synthesized rules', () => {
  const published = CONTRACT.filter((e) => e.audience !== 'answer').map((e) => ({
    ...e,
    name: e.detailType,
  }));

  it.each(published)('given $name on the hub, the hub archives it for replay', (entry) => {
    const archived = matching(HUB, sample(entry)).filter((r) => r.name.startsWith('archive-'));
    expect(archived).toHaveLength(1);
  });

  it("forwards a Case Submitted handled and received in 610100 to 610100's bus and to no other region's", () => {
    const event = sampleOf('tongban.cases', 'Case Submitted');
    const local = {
      ...event,
      detail: { ...event.detail, handlingRegion: '610100', receivingRegion: '610100' },
    };
    expect(forwardedTo(matching(HUB, local))).toEqual([busOfRegion('610100')]);
  });

  it('forwards a case received in one region and handled in another to both regions, once each', () => {
    const event = sampleOf('tongban.cases', 'Case Submitted');
    const crossRegion = {
      ...event,
      detail: { ...event.detail, handlingRegion: '610100', receivingRegion: '610300' },
    };
    expect(forwardedTo(matching(HUB, crossRegion))).toEqual([busOfRegion('610100'), busOfRegion('610300')]);
  });

  it.each(published.filter(namesHandlingRegion))(
    'given $name handled in 610700, it is forwarded to the bus of 610700, and received elsewhere, there too',
    (entry) => {
      const event = sample(entry, { handlingRegion: '610700' });
      const received = (event.detail as { receivingRegion?: string }).receivingRegion;
      const expected = [
        busOfRegion('610700'),
        ...(received && received !== '610700' ? [busOfRegion(received)] : []),
      ];
      expect(forwardedTo(matching(HUB, event))).toEqual(expected.sort());
    },
  );

  it.each(published.filter((e) => !namesHandlingRegion(e)))(
    'given $name, which names no handling region, it stays on the hub',
    (entry) => {
      expect(forwardedTo(matching(HUB, sample(entry)))).toEqual([]);
    },
  );

  it('wakes the reminder function with Case Reminder Due, and the reminder planner only with what moves a deadline', () => {
    expect(
      named(matching(HUB, sampleOf('tongban.clock', 'Case Reminder Due')), 'OnReminderDue'),
    ).toHaveLength(1);
    expect(named(matching(HUB, sampleOf('tongban.cases', 'Case Accepted')), 'PlanOnCaseChange')).toHaveLength(
      1,
    );
    // A submission starts the 5 working days to check it (Art. 32); a step that goes on moves no deadline.
    expect(
      named(matching(HUB, sampleOf('tongban.cases', 'Case Submitted')), 'PlanOnCaseChange'),
    ).toHaveLength(1);
    expect(named(matching(HUB, sampleOf('tongban.cases', 'Case Escalated')), 'PlanOnCaseChange')).toEqual([]);
    const underReview = sampleOf('tongban.cases', 'Case Under Review');
    const step = (action: string) => ({ ...underReview, detail: { ...underReview.detail, action } });
    expect(named(matching(HUB, step('next-step')), 'PlanOnCaseChange')).toEqual([]);
    expect(named(matching(HUB, step('resume-review')), 'PlanOnCaseChange')).toHaveLength(1);
  });

  it('tells the applicant of a Case Concluded, and checks it for a result hand-off it owes', () => {
    const concluded = matching(HUB, sampleOf('tongban.cases', 'Case Concluded'));
    expect(named(concluded, 'NotificationsOnCaseChange')).toHaveLength(1);
    expect(named(concluded, 'HandOffsOnCaseReceivedOrConcluded')).toHaveLength(1);
  });

  it('rebuilds the catalog search index on Matter Version Published and Catalog Imported', () => {
    for (const detailType of ['Matter Version Published', 'Catalog Imported']) {
      expect(
        named(matching(HUB, sampleOf('tongban.catalog', detailType)), 'RebuildOnPublish'),
        detailType,
      ).toHaveLength(1);
    }
  });

  it('signs for a Hand-off Sent on the bus of the region it is sent to, and nowhere else', () => {
    const event = sampleOf('tongban.routing', 'Hand-off Sent');
    const to = (event.detail as { handoff: { toRegion: string } }).handoff.toRegion;
    expect(named(matching(busOfRegion(to), event), `Receive${to}`)).toHaveLength(1);
    expect(named(matching(busOfRegion('610900'), event), 'Receive\\d{6}')).toEqual([]);
  });

  it("hands a department's answer on its region's bus to the answer function, and a regulator's record to the supervision function", () => {
    const answer = CONTRACT.find((e) => e.detailType === 'Review Decision Submitted')!;
    const record = CONTRACT.find((e) => e.detailType === 'Supervision Recorded')!;
    expect(named(matching(busOf(answer, sample(answer)), sample(answer)), 'Answers610100')).toHaveLength(1);
    expect(named(matching(busOf(record, sample(record)), sample(record)), 'Supervision610100')).toHaveLength(
      1,
    );
  });

  it('ignores an answer put on the hub instead of a region bus: nothing there acts on it', () => {
    const answer = CONTRACT.find((e) => e.detailType === 'Review Decision Submitted')!;
    expect(matching(HUB, sample(answer)).filter((r) => !r.name.startsWith('archive-'))).toEqual([]);
  });
});
