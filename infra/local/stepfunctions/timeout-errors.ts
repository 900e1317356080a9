import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import { StateFailure } from './errors.ts';

// AWS's States.TaskFailed wildcard matches every Task error except timeouts. The interpreter implements that
// exception with an `instanceof` check against its own States.Timeout class, which it does not export, so
// timeouts raised here must share that class's prototype. It is captured from a throwaway run whose only task
// times out after 1 ms, started on import so that a caller's fake timers cannot hold it back.
let timeoutPrototype: object | undefined;
const captured = captureTimeoutPrototype().then((prototype) => {
  timeoutPrototype = prototype;
});
// A failed capture is reported by loadTimeoutErrorClass(), not as an unhandled rejection at import.
captured.catch(() => undefined);

async function captureTimeoutPrototype(): Promise<object> {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: { Probe: { Type: 'Task', Resource: 'probe', TimeoutSeconds: 0.001, End: true } },
    },
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(null, {
    overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } },
  });
  const error = await run.result.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (
    error instanceof ExecutionError &&
    error.cause instanceof Error &&
    error.cause.name === 'States.Timeout'
  ) {
    return Object.getPrototypeOf(error.cause) as object;
  }
  throw new Error(
    'aws-local-stepfunctions no longer times out tasks as expected; local timeouts need revisiting',
  );
}

/** Resolves once timeoutFailure() can be used. */
export function loadTimeoutErrorClass(): Promise<void> {
  return captured;
}

/**
 * A task timeout. AWS reports a missed heartbeat as States.HeartbeatTimeout, which States.TaskFailed does not
 * match either; Retry and Catch on States.Timeout still match it (see definition.ts).
 */
export function timeoutFailure(error: 'States.Timeout' | 'States.HeartbeatTimeout'): Error {
  if (!timeoutPrototype) throw new Error('loadTimeoutErrorClass() must complete before tasks can time out');
  return Object.setPrototypeOf(new StateFailure(error), timeoutPrototype) as Error;
}
