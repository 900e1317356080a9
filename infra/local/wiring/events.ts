import type { TemplateModel } from '../assembly/model.ts';
import type { LocalBus, LocalRule } from '../eventbridge/buses.ts';

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
