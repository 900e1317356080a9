import { z } from 'zod';
import { CASE_EVENTS } from './cases.ts';
import { CATALOG_EVENTS } from './catalog.ts';
import { CLOCK_EVENTS } from './clock.ts';
import { CREDIT_EVENTS } from './credit.ts';
import { DEPARTMENT_EVENTS } from './departments.ts';
import type { ContractEntry } from './entry.ts';
import { EVALUATION_EVENTS } from './evaluations.ts';
import { LICENCE_EVENTS } from './licences.ts';
import { NOTIFICATION_EVENTS } from './notifications.ts';
import { REGULATOR_EVENTS } from './regulators.ts';
import { ROUTING_EVENTS } from './routing.ts';

/**
 * The event contract: every detail-type on tongban's buses, the schema of its `detail`, and whether the code
 * publishes it yet. Functions validate what departments send with `validateEvent`; this module needs nothing
 * but zod, so any function can import it.
 */
export const CONTRACT: readonly ContractEntry[] = [
  ...CASE_EVENTS,
  ...ROUTING_EVENTS,
  ...LICENCE_EVENTS,
  ...EVALUATION_EVENTS,
  ...CREDIT_EVENTS,
  ...CATALOG_EVENTS,
  ...CLOCK_EVENTS,
  ...NOTIFICATION_EVENTS,
  ...DEPARTMENT_EVENTS,
  ...REGULATOR_EVENTS,
];

export function contractEntry(source: string, detailType: string): ContractEntry | undefined {
  return CONTRACT.find((e) => e.source === source && e.detailType === detailType);
}

/** `Hand-off Sent` → `hand-off-sent`: the name of its JSON Schema and of its sample. */
export const fileNameOf = (detailType: string) =>
  `${detailType
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.json`;

/**
 * Checks an event's detail against the schema of its source and detail-type. An event of a detail-type the
 * contract does not know fails too: nothing unknown is acted upon.
 */
export function validateEvent(event: {
  source: string;
  detailType: string;
  detail: unknown;
}): z.ZodSafeParseResult<unknown> {
  const entry = contractEntry(event.source, event.detailType);
  if (entry) return entry.schema.safeParse(event.detail);
  return {
    success: false,
    error: new z.ZodError([
      {
        code: 'custom',
        path: [],
        input: event.detail,
        message: `the contract has no detail-type "${event.detailType}" from source "${event.source}"`,
      },
    ]),
  };
}

export { ReviewDecisionSubmitted } from './departments.ts';
export type { Audience, ContractEntry } from './entry.ts';
export { Envelope, EventBridgeEvent } from './envelope.ts';
export { SupervisionRecorded } from './regulators.ts';
