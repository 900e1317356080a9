import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { CaseId, EventId, RegionCode, Timestamp } from './envelope.ts';

/** The legal clock's reminders: one-time EventBridge Scheduler schedules that put an event on the hub. */
export const CLOCK = 'tongban.clock';

export const CLOCK_EVENTS: ContractEntry[] = [
  {
    source: CLOCK,
    detailType: 'Case Reminder Due',
    description:
      "A case's reminder came due: a deferred material's deadline passed, or its clock turns amber or red. " +
      'What comes of it reaches departments as a case event (Case Terminated, Case Clock Amber, Case Clock Red).',
    published: true,
    audience: 'internal',
    schema: z.looseObject({
      caseId: CaseId,
      kind: z.enum(['lapse', 'obligations', 'amber', 'red', 'verification']),
      handlingRegion: RegionCode,
      scheduledTime: Timestamp.describe('the time it was due, which decides the day it judges the case on'),
    }),
  },
  {
    source: CLOCK,
    detailType: 'Calendar Year Loaded',
    description:
      "A year's holiday schedule became known: an administrator loaded it from the State Council's notice, or " +
      'a newer chinese-days release brought it. Every open case whose dates assumed that year is computed again ' +
      '(Case Dates Recomputed).',
    published: true,
    audience: 'event',
    schema: z.looseObject({
      year: z.number().int().min(2000).max(2100),
      source: z.string().min(1).describe("the notice's number or address, or the chinese-days release"),
      loadedBy: z.string().min(1).describe('the administrator, or "chinese-days" for a release'),
      eventId: EventId.optional(),
    }),
  },
];
