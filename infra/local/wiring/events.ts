import type { ModelResource, TemplateModel } from '../assembly/model.ts';
import { UnsupportedTemplatePropertyError } from '../errors.ts';
import type { LocalBus, LocalRule } from '../eventbridge/buses.ts';
import { ratePeriodMs } from '../eventbridge/schedule-rules.ts';

const nameFromBus = (value: unknown) =>
  String(value ?? 'default')
    .split('/')
    .pop()!;

/** Buses and rules from the template; each archive becomes a rule on its bus whose target is the archive. */
export function eventBusesAndRules(model: TemplateModel): { buses: LocalBus[]; rules: LocalRule[] } {
  const buses = model.ofType('AWS::Events::EventBus').map((bus) => ({
    name: model.ref(bus),
    arn: String(model.getAtt(bus, 'Arn')),
  }));
  const rules: LocalRule[] = model.ofType('AWS::Events::Rule').map((rule) => {
    const props = model.properties(rule);
    // biome-ignore lint/suspicious/noExplicitAny: the template's Targets, read field by field below
    const targets = (props.Targets ?? []) as Record<string, any>[];
    return {
      name: model.ref(rule),
      arn: String(model.getAtt(rule, 'Arn')),
      busName: nameFromBus(props.EventBusName),
      eventPattern: props.EventPattern,
      scheduleExpression: scheduleOf(rule, props),
      state: props.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      targets: targets.map((t) => ({
        id: String(t.Id),
        arn: String(t.Arn),
        input: t.Input,
        inputPath: t.InputPath,
        inputTransformer: t.InputTransformer
          ? {
              inputPathsMap: t.InputTransformer.InputPathsMap,
              inputTemplate: t.InputTransformer.InputTemplate,
            }
          : undefined,
        deadLetterArn: t.DeadLetterConfig?.Arn,
        maximumRetryAttempts: t.RetryPolicy?.MaximumRetryAttempts,
        maximumEventAgeSeconds: t.RetryPolicy?.MaximumEventAgeInSeconds,
      })),
    };
  });
  for (const archive of model.ofType('AWS::Events::Archive')) {
    const props = model.properties(archive);
    const arn = String(model.getAtt(archive, 'Arn'));
    rules.push({
      name: `archive-${model.ref(archive)}`,
      arn: `${arn}/rule`,
      busName: nameFromBus(props.SourceArn),
      eventPattern: props.EventPattern ?? { account: [model.account.account] },
      state: 'ENABLED',
      targets: [{ id: 'archive', arn }],
    });
  }
  return { buses, rules };
}

// Checked here, before any engine starts, so that a schedule local mode cannot run stops `npm start` naming the rule.
function scheduleOf(rule: ModelResource, props: Record<string, unknown>): string | undefined {
  if (props.ScheduleExpression === undefined) return undefined;
  const expression = String(props.ScheduleExpression);
  const refuse = (why: string) =>
    new UnsupportedTemplatePropertyError(rule.path, rule.type, 'ScheduleExpression', why);
  if (nameFromBus(props.EventBusName) !== 'default') {
    throw refuse('EventBridge runs schedule rules on the default event bus only');
  }
  try {
    ratePeriodMs(expression);
  } catch (error) {
    throw refuse((error as Error).message);
  }
  return expression;
}
