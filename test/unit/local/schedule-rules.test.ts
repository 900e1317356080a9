import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplateModel } from '../../../infra/local/assembly/model.ts';
import { PlatformClock } from '../../../infra/local/clock.ts';
import { LocalEventBridge, type LocalRule } from '../../../infra/local/eventbridge/buses.ts';
import { ratePeriodMs, ScheduleRules } from '../../../infra/local/eventbridge/schedule-rules.ts';
import { eventBusesAndRules } from '../../../infra/local/wiring/events.ts';

const PARTITION = 'aws-cn';
const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const CHECK_FN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:calendar-check`;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const started: ScheduleRules[] = [];
// System time stands still, so that only the moves of the platform clock pass time.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  for (const rules of started.splice(0)) rules.close();
  vi.useRealTimers();
});

function scheduleRule(name: string, expression: string, overrides: Partial<LocalRule> = {}): LocalRule {
  return {
    name,
    arn: `arn:${PARTITION}:events:${REGION}:${ACCOUNT}:rule/${name}`,
    busName: 'default',
    scheduleExpression: expression,
    state: 'ENABLED',
    targets: [{ id: 'check', arn: CHECK_FN }],
    ...overrides,
  };
}

/** The default bus with `rules` running on `clock`, recording what reaches the rules' targets. */
function defaultBus(rules: LocalRule[], clock: PlatformClock) {
  const deliveries: { arn: string; event: Record<string, unknown> }[] = [];
  const bridge = new LocalEventBridge({
    buses: [],
    rules,
    region: REGION,
    account: ACCOUNT,
    dispatcher: {
      deliver: async (arn, input) => void deliveries.push({ arn, event: JSON.parse(input) }),
    },
    onDeadLetter: () => {},
  });
  started.push(
    new ScheduleRules({ rules, clock, fire: (rule, time) => bridge.fireScheduledRule(rule.arn, time) }),
  );
  // Moves the clock, then waits for what the move set off to reach the targets (a turn of the event loop).
  const move = async (ms: number) => {
    clock.advance(ms);
    await bridge.whenIdle();
  };
  return { deliveries, move };
}

describe('EventBridge schedule rules in local mode', () => {
  it("fires a rate() rule one period of platform time after start, with AWS's Scheduled Event", async () => {
    // Given a rate(5 minutes) rule, on a platform clock started at 10:00 China time on 20 December
    const clock = new PlatformClock({ now: '2026-12-20T10:00:00+08:00' });
    const { deliveries, move } = defaultBus([scheduleRule('calendar-check', 'rate(5 minutes)')], clock);

    // When four minutes of platform time pass, nothing has fired
    await move(4 * MINUTE_MS);
    expect(deliveries).toHaveLength(0);

    // When the fifth has passed, the rule's target received one Scheduled Event stamped with the platform time
    await move(MINUTE_MS);
    expect(deliveries).toEqual([
      {
        arn: CHECK_FN,
        event: {
          version: '0',
          id: expect.any(String),
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: ACCOUNT,
          time: '2026-12-20T02:05:00Z',
          region: REGION,
          resources: [`arn:${PARTITION}:events:${REGION}:${ACCOUNT}:rule/calendar-check`],
          detail: {},
        },
      },
    ]);
  });

  it('fires once when the clock is advanced many periods, then goes on at its own phase', async () => {
    // Given a rate(1 hour) rule
    const clock = new PlatformClock();
    const { deliveries, move } = defaultBus([scheduleRule('hourly', 'rate(1 hour)')], clock);

    // When the clock is advanced ten and a half hours, then the rule fired once, not ten times
    await move(10.5 * HOUR_MS);
    expect(deliveries).toHaveLength(1);

    // And it fires again at the eleventh hour, not an hour after the jump
    await move(0.5 * HOUR_MS - 1);
    expect(deliveries).toHaveLength(1);
    await move(1);
    expect(deliveries).toHaveLength(2);
  });

  it('brings the next firing within one period when the clock is moved back', async () => {
    // Given a rate(1 day) rule
    const clock = new PlatformClock();
    const { deliveries, move } = defaultBus([scheduleRule('daily', 'rate(1 day)')], clock);

    // When the clock is moved back ten days, then a day later it fires, not eleven days later
    await move(-10 * DAY_MS);
    await move(DAY_MS - 1);
    expect(deliveries).toHaveLength(0);
    await move(1);
    expect(deliveries).toHaveLength(1);
  });

  it('leaves a disabled schedule rule alone', async () => {
    // Given a disabled rate(1 minute) rule, when an hour passes, then nothing fired
    const clock = new PlatformClock();
    const { deliveries, move } = defaultBus(
      [scheduleRule('paused', 'rate(1 minute)', { state: 'DISABLED' })],
      clock,
    );
    await move(HOUR_MS);
    expect(deliveries).toHaveLength(0);
  });

  it('reads rate() in minutes, hours and days, singular for one, as AWS does', () => {
    // Given the expressions AWS accepts, when read, then they are their periods
    expect(ratePeriodMs('rate(1 minute)')).toBe(MINUTE_MS);
    expect(ratePeriodMs('rate(15 minutes)')).toBe(15 * MINUTE_MS);
    expect(ratePeriodMs('rate(2 hours)')).toBe(2 * HOUR_MS);
    expect(ratePeriodMs('rate(1 day)')).toBe(DAY_MS);

    // And those AWS refuses are refused
    for (const expression of ['rate(0 minutes)', 'rate(1 minutes)', 'rate(5 minute)', 'rate(1 week)']) {
      expect(() => ratePeriodMs(expression)).toThrow(/not a valid rate expression/);
    }
  });

  it('refuses at start a cron() rule and a schedule rule off the default bus, naming the rule', () => {
    // Given templates with a cron() schedule rule and a rate() rule on a custom bus
    const template = (properties: Record<string, unknown>) =>
      new TemplateModel(
        [
          {
            name: 'tongban-dev-clock',
            assetsByObjectKey: new Map(),
            template: {
              Resources: {
                NightlyCheck: {
                  Type: 'AWS::Events::Rule',
                  Properties: { Targets: [{ Id: 'check', Arn: CHECK_FN }], ...properties },
                },
              },
            },
          },
        ],
        { region: REGION, account: ACCOUNT, partition: PARTITION },
      );

    // When local mode reads them, then each is refused with the rule and the reason named
    expect(() => eventBusesAndRules(template({ ScheduleExpression: 'cron(0 2 * * ? *)' }))).toThrow(
      /tongban-dev-clock\/NightlyCheck.*ScheduleExpression.*rate\(\) schedules only/,
    );
    expect(() =>
      eventBusesAndRules(template({ ScheduleExpression: 'rate(1 day)', EventBusName: 'tongban-dev-hub' })),
    ).toThrow(/tongban-dev-clock\/NightlyCheck.*default event bus only/);

    // And a rate() rule on the default bus is read with its schedule
    const { rules } = eventBusesAndRules(template({ ScheduleExpression: 'rate(1 day)' }));
    expect(rules).toMatchObject([{ busName: 'default', scheduleExpression: 'rate(1 day)' }]);
  });
});
