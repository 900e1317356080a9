export type { HistoryEvent } from './history.ts';
export type { StepFunctionsHost } from './integrations.ts';
export { LocalStepFunctions, type LocalStepFunctionsOptions } from './local-stepfunctions.ts';
