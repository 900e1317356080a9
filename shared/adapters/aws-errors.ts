/**
 * What an AWS error means, recognised in one place by its name: the name is what the service answered, while
 * an error class belongs to one client package (and version) of the SDK.
 */
const nameOf = (error: unknown): unknown => (error as { name?: unknown } | null | undefined)?.name;

/** DynamoDB refused a conditional write: the item was not as the condition required. */
export const isConditionFailure = (error: unknown) => nameOf(error) === 'ConditionalCheckFailedException';

/** DynamoDB cancelled a transaction: one of its conditions failed, or it collided with another transaction. */
export const isTransactionCancelled = (error: unknown) => nameOf(error) === 'TransactionCanceledException';

/** Whether the condition of the transaction's item at `index` is what cancelled it. */
export const conditionFailedAt = (error: unknown, index: number) =>
  (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[index]?.Code ===
  'ConditionalCheckFailed';

const THROTTLES = [
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'TooManyRequestsException',
];

/** A service asked us to slow down: nothing is wrong with the request, and a later try goes through. */
export const isThrottle = (error: unknown) => THROTTLES.includes(nameOf(error) as string);

/** S3 has no such object (or version): GetObject says NoSuchKey/NoSuchVersion, HeadObject a bare NotFound. */
export const isMissingObject = (error: unknown) =>
  ['NoSuchKey', 'NoSuchVersion', 'NotFound'].includes(nameOf(error) as string);

/** Step Functions no longer knows a task token: the task was resumed, timed out, or its execution ended. */
export const isSpentTaskToken = (error: unknown) =>
  ['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'].includes(nameOf(error) as string);
