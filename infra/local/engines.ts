import type { LocalKms } from './aws/kms.ts';
import type { LocalQueues } from './aws/queues.ts';
import type { RecordingEventBridge } from './eventbridge/event-log.ts';
import type { LocalReplays } from './eventbridge/replays.ts';
import type { AsyncInvocations } from './lambda/async-invocations.ts';
import type { LocalFunctions } from './lambda/runtime.ts';
import type { LocalScheduler } from './scheduler/scheduler.ts';
import type { LocalStepFunctions } from './stepfunctions/index.ts';

/**
 * The engines of a running platform that the AWS control plane (aws/control-plane.ts) and the rule-target
 * dispatcher (wiring/dispatcher.ts) call into. Named here, below platform.ts, so those two take what they use
 * rather than import the platform that builds them (LocalPlatform implements this).
 */
export interface LocalEngines {
  readonly functions: LocalFunctions;
  /** Lambda's asynchronous invocations, with each function's EventInvokeConfig (retries, on-failure queue). */
  readonly asyncInvocations: AsyncInvocations;
  readonly eventBridge: RecordingEventBridge;
  readonly replays: LocalReplays;
  readonly stepFunctions: LocalStepFunctions;
  readonly scheduler: LocalScheduler;
  readonly queues: LocalQueues;
  readonly kms: LocalKms;
}
