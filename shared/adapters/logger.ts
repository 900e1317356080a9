import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger of every function (Powertools): JSON lines that carry the Lambda context, and the case id as
 * correlation id where there is one (event-handler.ts), so one query follows a case through every function.
 */
export const logger = new Logger();
