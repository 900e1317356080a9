// Entry point of the local Lambda runtime: bundled functions run in worker threads isolated like Lambda
// execution environments (see instance.ts), pooled per function (local-function.ts).
export { LocalFunction } from './local-function.ts';
export { LocalFunctions } from './local-functions.ts';
export type {
  InvokeOptions,
  InvokeResult,
  LambdaError,
  LocalFunctionOptions,
  LocalFunctionSpec,
  LocalFunctionStats,
  LogSink,
} from './types.ts';
