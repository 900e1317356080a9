/** An error named like the Lambda API's own, so callers emulating that API can map it to the right response. */
export function lambdaServiceError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
