import type { z } from 'zod';

/**
 * Who an event is for. `event`: the platform publishes it for departments and regulators to subscribe to;
 * `answer`: a department or regulator sends it to the platform; `internal`: the platform's own plumbing on the
 * hub, documented so nobody mistakes it for a contract to build on.
 */
export type Audience = 'event' | 'answer' | 'internal';

export interface ContractEntry {
  source: string;
  detailType: string;
  /** The schema of the event's `detail`. */
  schema: z.ZodType;
  description: string;
  /** False for a detail-type defined ahead of the code that will publish it. */
  published: boolean;
  audience: Audience;
}
