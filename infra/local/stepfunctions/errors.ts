/** An error of the Step Functions API, named with its AWS error code as the SDK names it. */
export class StepFunctionsApiError extends Error {
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}

/**
 * A state failure as the interpreter consumes it: Retry and Catch match `name` as the Error, and the error
 * output and execution history report `message` as the Cause.
 */
export class StateFailure extends Error {
  constructor(error: string, cause = '') {
    super(cause);
    this.name = error;
  }
}

/** States.Runtime, which AWS lets neither Retry nor Catch handle; the interpreter reads these two flags. */
export class StatesRuntimeFailure extends StateFailure {
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor(cause: string) {
    super('States.Runtime', cause);
  }
}

/** Maps a failed call to an integrated service to the `<Service>.<Exception>` Error names AWS reports. */
export function serviceFailure(service: string, error: unknown): StateFailure {
  const name = error instanceof Error && error.name !== 'Error' ? error.name : 'ServiceException';
  return new StateFailure(`${service}.${name}`, error instanceof Error ? error.message : String(error));
}
