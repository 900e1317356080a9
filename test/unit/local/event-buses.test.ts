import { describe, expect, it } from 'vitest';
import {
  type BusTargetDispatcher,
  type DeadLetterRecord,
  LocalEventBridge,
  type LocalEventBridgeOptions,
  type LocalRule,
  type LocalRuleTarget,
  TargetDeliveryError,
  ValidationException,
} from '../../../infra/local/eventbridge/buses.ts';

const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const BUS = {
  name: 'tongban-platform',
  arn: `arn:aws-cn:events:${REGION}:${ACCOUNT}:event-bus/tongban-platform`,
};
const NOTIFY_FN = `arn:aws-cn:lambda:${REGION}:${ACCOUNT}:function:notify-applicant`;
const STATS_FN = `arn:aws-cn:lambda:${REGION}:${ACCOUNT}:function:region-stats`;
const DLQ = `arn:aws-cn:sqs:${REGION}:${ACCOUNT}:case-events-dlq`;

interface Delivery {
  arn: string;
  input: string;
}

// Records deliveries; `failures` makes the first N calls per target throw the given error.
function fakeDispatcher(failures: Record<string, { times: number; error: Error }> = {}) {
  const deliveries: Delivery[] = [];
  const calls = new Map<string, number>();
  const dispatcher: BusTargetDispatcher = {
    async deliver(arn, input) {
      const call = (calls.get(arn) ?? 0) + 1;
      calls.set(arn, call);
      const failure = failures[arn];
      if (failure && call <= failure.times) throw failure.error;
      deliveries.push({ arn, input });
    },
  };
  return { dispatcher, deliveries, calls };
}

function rule(
  name: string,
  eventPattern: unknown,
  targets: LocalRuleTarget[],
  overrides: Partial<LocalRule> = {},
) {
  return {
    name,
    arn: `arn:aws-cn:events:${REGION}:${ACCOUNT}:rule/${BUS.name}/${name}`,
    busName: BUS.name,
    eventPattern,
    state: 'ENABLED' as const,
    targets,
    ...overrides,
  };
}

function bridge(
  rules: LocalRule[],
  dispatcher: BusTargetDispatcher,
  extra: Partial<LocalEventBridgeOptions> = {},
) {
  const deadLetters: { arn: string | undefined; record: DeadLetterRecord }[] = [];
  const eventBridge = new LocalEventBridge({
    buses: [BUS],
    rules,
    dispatcher,
    region: REGION,
    account: ACCOUNT,
    onDeadLetter: (arn, record) => {
      deadLetters.push({ arn, record });
    },
    retry: { baseDelayMs: 1 },
    ...extra,
  });
  return { eventBridge, deadLetters };
}

function caseSubmittedEntry(detail: Record<string, unknown> = {}) {
  return {
    Source: 'tongban.cases',
    DetailType: 'Case Submitted',
    EventBusName: BUS.name,
    Detail: JSON.stringify({
      caseId: 'C-2025-000123',
      handlingRegion: '610100',
      receivingRegion: '610113',
      matter: { baseCode: '000109001000' },
      amount: 1200.5,
      ip: '10.20.30.40',
      ...detail,
    }),
  };
}

const XIAN_CASES = { source: ['tongban.cases'], detail: { handlingRegion: [{ prefix: '6101' }] } };

describe('routing', () => {
  it('delivers an event only to the targets of rules whose pattern matches', async () => {
    // given
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [
        rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }]),
        rule('baoji-cases', { detail: { handlingRegion: ['610300'] } }, [{ id: 'stats', arn: STATS_FN }]),
        rule('paused', XIAN_CASES, [{ id: 'stats', arn: STATS_FN }], { state: 'DISABLED' }),
        rule('nightly-report', undefined, [{ id: 'stats', arn: STATS_FN }]),
      ],
      dispatcher,
    );
    // when
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    // then
    expect(deliveries.map((delivery) => delivery.arn)).toEqual([NOTIFY_FN]);
  });

  it('only considers rules on the bus the event was put on', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }])],
      dispatcher,
    );
    eventBridge.putEvents([{ ...caseSubmittedEntry(), EventBusName: undefined }]);
    await eventBridge.whenIdle();
    expect(deliveries).toEqual([]);
  });

  it('accepts the bus ARN as EventBusName', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }])],
      dispatcher,
    );
    eventBridge.putEvents([{ ...caseSubmittedEntry(), EventBusName: BUS.arn }]);
    await eventBridge.whenIdle();
    expect(deliveries).toHaveLength(1);
  });

  it('returns from PutEvents before any target is invoked', async () => {
    // given
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }])],
      dispatcher,
    );
    // when
    const result = eventBridge.putEvents([caseSubmittedEntry()]);
    // then
    expect(result.FailedEntryCount).toBe(0);
    expect(deliveries).toHaveLength(0);
    await eventBridge.whenIdle();
    expect(deliveries).toHaveLength(1);
  });

  it('lists the matching rules of a bus for tooling', () => {
    const { dispatcher } = fakeDispatcher();
    const { eventBridge } = bridge(
      [
        rule('xian-cases', XIAN_CASES, []),
        rule('large-amounts', { detail: { amount: [{ numeric: ['>', 1e4] }] } }, []),
      ],
      dispatcher,
    );
    const event = { source: 'tongban.cases', detail: { handlingRegion: '610104', amount: 20_000 } };
    expect(eventBridge.matchingRules(BUS.name, event).map((matched) => matched.name)).toEqual([
      'xian-cases',
      'large-amounts',
    ]);
    expect(eventBridge.matchingRules('no-such-bus', event)).toEqual([]);
  });
});

describe('event envelope and target input', () => {
  it('delivers the whole event in the AWS envelope when the target sets no input', async () => {
    // given
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }])],
      dispatcher,
    );
    // when
    const result = eventBridge.putEvents([
      { ...caseSubmittedEntry(), Time: new Date('2025-03-01T08:00:00.789Z') },
    ]);
    await eventBridge.whenIdle();
    // then
    const event = JSON.parse(deliveries[0]?.input ?? '');
    expect(event).toEqual({
      version: '0',
      id: (result.Entries[0] as { EventId: string }).EventId,
      'detail-type': 'Case Submitted',
      source: 'tongban.cases',
      account: ACCOUNT,
      time: '2025-03-01T08:00:00Z',
      region: REGION,
      resources: [],
      detail: expect.objectContaining({ handlingRegion: '610100', matter: { baseCode: '000109001000' } }),
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('stamps the current time without milliseconds when the entry has none', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'notify', arn: NOTIFY_FN }])],
      dispatcher,
    );
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(JSON.parse(deliveries[0]?.input ?? '').time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('delivers a constant Input as given', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const target = { id: 'notify', arn: NOTIFY_FN, input: '{"kind":"reminder"}' };
    const { eventBridge } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(deliveries[0]?.input).toBe('{"kind":"reminder"}');
  });

  it('delivers the part of the event selected by InputPath', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const target = { id: 'notify', arn: NOTIFY_FN, inputPath: '$.detail.matter' };
    const { eventBridge } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(deliveries[0]?.input).toBe('{"baseCode":"000109001000"}');
  });

  it('fills an input template, quoting values outside strings and inserting them raw inside strings', async () => {
    // given
    const { dispatcher, deliveries } = fakeDispatcher();
    const target: LocalRuleTarget = {
      id: 'notify',
      arn: NOTIFY_FN,
      inputTransformer: {
        inputPathsMap: {
          caseId: '$.detail.caseId',
          region: '$.detail.handlingRegion',
          amount: '$.detail.amount',
          matter: '$.detail.matter',
          missing: '$.detail.applicantId',
        },
        inputTemplate:
          '{"caseId": <caseId>, "amount": <amount>, "matter": <matter>, "missing": <missing>,\n' +
          ' "text": "Case \\"<caseId>\\" handled in <region> <missing>", "rule": <aws.events.rule-name>,\n' +
          ' "original": <aws.events.event.json>, "<not-a-variable>": true}',
      },
    };
    const { eventBridge } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    // when
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    // then
    const input = deliveries[0]?.input ?? '';
    expect(input).not.toContain('\n');
    expect(JSON.parse(input)).toEqual({
      caseId: 'C-2025-000123',
      amount: 1200.5,
      matter: { baseCode: '000109001000' },
      missing: null,
      text: 'Case "C-2025-000123" handled in 610100 ',
      rule: 'xian-cases',
      original: expect.objectContaining({ source: 'tongban.cases', detail: expect.any(Object) }),
      '<not-a-variable>': true,
    });
  });

  it('fills a plain string template and offers the event without its detail', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const target: LocalRuleTarget = {
      id: 'notify',
      arn: NOTIFY_FN,
      inputTransformer: {
        inputPathsMap: { caseId: '$.detail.caseId' },
        inputTemplate: '"<caseId> matched <aws.events.rule-arn>"',
      },
    };
    const envelope: LocalRuleTarget = {
      id: 'stats',
      arn: STATS_FN,
      inputTransformer: { inputTemplate: '{"event": <aws.events.event>}' },
    };
    const matched = rule('xian-cases', XIAN_CASES, [target, envelope]);
    const { eventBridge } = bridge([matched], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    const byArn = Object.fromEntries(deliveries.map((delivery) => [delivery.arn, delivery.input]));
    expect(byArn[NOTIFY_FN]).toBe(`"C-2025-000123 matched ${matched.arn}"`);
    expect(JSON.parse(byArn[STATS_FN] ?? '').event).not.toHaveProperty('detail');
  });

  it('selects every element a wildcard path reaches', async () => {
    const { dispatcher, deliveries } = fakeDispatcher();
    const target = { id: 'notify', arn: NOTIFY_FN, inputPath: '$.detail.materials[*].code' };
    const { eventBridge } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry({ materials: [{ code: 'M01' }, { code: 'M02' }] })]);
    await eventBridge.whenIdle();
    expect(deliveries[0]?.input).toBe('["M01","M02"]');
  });
});

describe('retries and dead-letter queues', () => {
  it('retries a failing target until it succeeds', async () => {
    // given
    const { dispatcher, deliveries, calls } = fakeDispatcher({
      [NOTIFY_FN]: { times: 2, error: new Error('throttled') },
    });
    const { eventBridge, deadLetters } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'n', arn: NOTIFY_FN }])],
      dispatcher,
    );
    // when
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    // then
    expect(calls.get(NOTIFY_FN)).toBe(3);
    expect(deliveries).toHaveLength(1);
    expect(deadLetters).toEqual([]);
  });

  it('sends the event to the DLQ with the AWS attributes once the retries are exhausted', async () => {
    // given
    const { dispatcher, calls } = fakeDispatcher({
      [NOTIFY_FN]: { times: 99, error: new Error('handler crashed') },
    });
    const target = { id: 'n', arn: NOTIFY_FN, deadLetterArn: DLQ, maximumRetryAttempts: 2 };
    const matched = rule('xian-cases', XIAN_CASES, [target]);
    const { eventBridge, deadLetters } = bridge([matched], dispatcher);
    // when
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    // then
    expect(calls.get(NOTIFY_FN)).toBe(3);
    expect(deadLetters).toHaveLength(1);
    const { arn, record } = deadLetters[0] as { arn: string; record: DeadLetterRecord };
    expect(arn).toBe(DLQ);
    expect(JSON.parse(record.body)).toMatchObject({
      source: 'tongban.cases',
      'detail-type': 'Case Submitted',
    });
    expect(record.messageAttributes).toEqual({
      ERROR_CODE: { DataType: 'String', StringValue: 'SDK_CLIENT_ERROR' },
      ERROR_MESSAGE: { DataType: 'String', StringValue: 'handler crashed' },
      RULE_ARN: { DataType: 'String', StringValue: matched.arn },
      TARGET_ARN: { DataType: 'String', StringValue: NOTIFY_FN },
      RETRY_ATTEMPTS: { DataType: 'Number', StringValue: '2' },
      EXHAUSTED_RETRY_CONDITION: { DataType: 'String', StringValue: 'MaximumRetryAttempts' },
    });
  });

  it('gives up after 8 attempts when the target sets no retry limit', async () => {
    const { dispatcher, calls } = fakeDispatcher({ [NOTIFY_FN]: { times: 99, error: new Error('down') } });
    const { eventBridge, deadLetters } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'n', arn: NOTIFY_FN }])],
      dispatcher,
    );
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(calls.get(NOTIFY_FN)).toBe(8);
    expect(deadLetters).toHaveLength(1);
  });

  it('reports an undeliverable event without a DLQ so it is never silently dropped', async () => {
    const { dispatcher } = fakeDispatcher({ [NOTIFY_FN]: { times: 99, error: new Error('down') } });
    const target = { id: 'n', arn: NOTIFY_FN, maximumRetryAttempts: 0 };
    const { eventBridge, deadLetters } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(deadLetters.map(({ arn }) => arn)).toEqual([undefined]);
  });

  it('dead-letters without retrying when the dispatcher says retrying cannot help', async () => {
    const missing = new TargetDeliveryError('Function not found', 'RESOURCE_NOT_FOUND', false);
    const { dispatcher, calls } = fakeDispatcher({ [NOTIFY_FN]: { times: 99, error: missing } });
    const target = { id: 'n', arn: NOTIFY_FN, deadLetterArn: DLQ };
    const { eventBridge, deadLetters } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher);
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(calls.get(NOTIFY_FN)).toBe(1);
    const attributes = deadLetters[0]?.record.messageAttributes;
    expect(attributes?.ERROR_CODE?.StringValue).toBe('RESOURCE_NOT_FOUND');
    expect(attributes).not.toHaveProperty('EXHAUSTED_RETRY_CONDITION');
  });

  it('dead-letters when the next retry would exceed the maximum event age', async () => {
    const { dispatcher, calls } = fakeDispatcher({ [NOTIFY_FN]: { times: 99, error: new Error('down') } });
    const target = { id: 'n', arn: NOTIFY_FN, deadLetterArn: DLQ, maximumEventAgeSeconds: 60 };
    const { eventBridge, deadLetters } = bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher, {
      retry: { baseDelayMs: 61_000, maxDelayMs: 61_000 },
    });
    eventBridge.putEvents([caseSubmittedEntry()]);
    await eventBridge.whenIdle();
    expect(calls.get(NOTIFY_FN)).toBe(1);
    expect(deadLetters[0]?.record.messageAttributes.EXHAUSTED_RETRY_CONDITION?.StringValue).toBe(
      'MaximumEventAgeInSeconds',
    );
  });
});

describe('construction', () => {
  it('rejects a rule with an invalid event pattern, naming the rule and the offending path', () => {
    const { dispatcher } = fakeDispatcher();
    const invalid = rule('amount-check', { detail: { amount: [{ numeric: ['>', 0, '<'] }] } }, []);
    expect(() => bridge([invalid], dispatcher)).toThrow(
      'Rule amount-check has an invalid event pattern: detail.amount: numeric range needs an even number',
    );
  });

  it('rejects a rule on a bus that does not exist', () => {
    const { dispatcher } = fakeDispatcher();
    const stray = rule('xian-cases', XIAN_CASES, [], { busName: 'tongban-audit' });
    expect(() => bridge([stray], dispatcher)).toThrow(
      'Rule xian-cases is on event bus tongban-audit, which does not exist',
    );
  });

  it('rejects a target that sets more than one kind of input', () => {
    const { dispatcher } = fakeDispatcher();
    const target = { id: 'n', arn: NOTIFY_FN, input: '{}', inputPath: '$.detail' };
    expect(() => bridge([rule('xian-cases', XIAN_CASES, [target])], dispatcher)).toThrow(
      'Target n of rule xian-cases sets more than one of Input, InputPath and InputTransformer',
    );
  });

  it('rejects unsupported JSONPaths, reserved variable names and out-of-range retry policies', () => {
    const { dispatcher } = fakeDispatcher();
    const build = (target: LocalRuleTarget) => () => bridge([rule('r', XIAN_CASES, [target])], dispatcher);
    expect(build({ id: 'n', arn: NOTIFY_FN, inputPath: 'detail' })).toThrow(
      'is not a JSONPath EventBridge supports',
    );
    expect(
      build({
        id: 'n',
        arn: NOTIFY_FN,
        inputTransformer: { inputPathsMap: { 'aws.events.rule-name': '$.id' }, inputTemplate: '{}' },
      }),
    ).toThrow('aws.events.rule-name is a reserved input transformer variable');
    expect(build({ id: 'n', arn: NOTIFY_FN, maximumRetryAttempts: 186 })).toThrow('MaximumRetryAttempts');
    expect(build({ id: 'n', arn: NOTIFY_FN, maximumEventAgeSeconds: 30 })).toThrow(
      'MaximumEventAgeInSeconds',
    );
  });
});

describe('PutEvents validation', () => {
  it('reports each invalid entry in place and still accepts the valid ones', async () => {
    // given
    const { dispatcher, deliveries } = fakeDispatcher();
    const { eventBridge } = bridge(
      [rule('xian-cases', XIAN_CASES, [{ id: 'n', arn: NOTIFY_FN }])],
      dispatcher,
    );
    // when
    const result = eventBridge.putEvents([
      { ...caseSubmittedEntry(), Source: undefined },
      { ...caseSubmittedEntry(), DetailType: '' },
      { ...caseSubmittedEntry(), Detail: undefined },
      { ...caseSubmittedEntry(), Detail: '{"caseId": ' },
      { ...caseSubmittedEntry(), Detail: '["not", "an", "object"]' },
      { ...caseSubmittedEntry(), EventBusName: 'tongban-audit' },
      { ...caseSubmittedEntry(), Detail: JSON.stringify({ blob: 'x'.repeat(256 * 1024) }) },
      caseSubmittedEntry(),
    ]);
    await eventBridge.whenIdle();
    // then
    expect(result.FailedEntryCount).toBe(7);
    expect(result.Entries.slice(0, 7)).toEqual([
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus tongban-audit does not exist.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Total size of the entry is over the limit of 256KB.' },
    ]);
    expect(result.Entries[7]).toEqual({ EventId: expect.any(String) });
    expect(deliveries).toHaveLength(1);
  });

  it('rejects a request with no entries or more than ten', () => {
    const { dispatcher } = fakeDispatcher();
    const { eventBridge } = bridge([], dispatcher);
    expect(() => eventBridge.putEvents([])).toThrow(ValidationException);
    expect(() => eventBridge.putEvents(Array.from({ length: 11 }, () => caseSubmittedEntry()))).toThrow(
      'PutEvents takes 1 to 10 entries, got 11',
    );
  });
});
