import type { TemplateModel } from '../assembly/model.ts';
import { UnsupportedTemplatePropertyError } from '../errors.ts';
import type { AsyncInvokeConfig } from '../lambda/async-invocations.ts';

/**
 * How Lambda handles each function's asynchronous invocations (AWS::Lambda::EventInvokeConfig): its retries, the
 * age after which an event is let go, and the queue an event it gave up on goes to. Only what local mode runs is
 * accepted: the function's $LATEST, and an on-failure destination that is a queue of the app.
 */
export function eventInvokeConfigs(model: TemplateModel): AsyncInvokeConfig[] {
  return model.ofType('AWS::Lambda::EventInvokeConfig').map((c) => {
    const props = model.properties(c);
    const refuse = (property: string, why: string) =>
      new UnsupportedTemplatePropertyError(c.path, c.type, property, why);
    if (props.Qualifier !== '$LATEST') {
      throw refuse('Qualifier', 'local mode has no published versions or aliases, only $LATEST');
    }
    const destinations = (props.DestinationConfig ?? {}) as {
      OnSuccess?: unknown;
      OnFailure?: { Destination?: unknown };
    };
    if (destinations.OnSuccess !== undefined) {
      throw refuse('DestinationConfig', 'on-success destinations are not emulated');
    }
    const onFailure = destinations.OnFailure?.Destination;
    if (onFailure !== undefined && !/^arn:[^:]+:sqs:/.test(String(onFailure))) {
      throw refuse(
        'DestinationConfig',
        `the on-failure destination ${String(onFailure)} is not an SQS queue`,
      );
    }
    return {
      path: c.path,
      functionName: String(props.FunctionName),
      maximumRetryAttempts: props.MaximumRetryAttempts as number | undefined,
      maximumEventAgeSeconds: props.MaximumEventAgeInSeconds as number | undefined,
      onFailure: onFailure === undefined ? undefined : String(onFailure),
    };
  });
}
