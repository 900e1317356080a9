import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { CaseId, EventId, IdempotencyKey, IdHash, SchemaVersion, Timestamp } from './envelope.ts';

/**
 * A message to an applicant, as their in-app inbox got it, for the SMS and e-mail integrations: on the hub only,
 * never on a region's bus. It says no more than the applicant knows from their case: no name, no number.
 */
export const NOTIFICATIONS = 'tongban.notifications';

const Text = z.looseObject({ title: z.string().min(1), body: z.string().min(1) });

export const NOTIFICATION_EVENTS: ContractEntry[] = [
  {
    source: NOTIFICATIONS,
    detailType: 'Notification Requested',
    description:
      'An applicant was told of a change to their case in the app; an SMS or e-mail integration sends the same ' +
      'message on the channels it names, looking the contact details up by the ID hash.',
    published: true,
    audience: 'event',
    schema: z.looseObject({
      schemaVersion: SchemaVersion,
      idempotencyKey: IdempotencyKey.describe(
        'the key of the case event it tells of: one message per case event',
      ),
      recipient: z.looseObject({ idHash: IdHash }).describe('whom to tell'),
      caseId: CaseId.optional(),
      template: z.string().min(1).describe('the message template, e.g. concluded'),
      message: z.looseObject({ 'zh-CN': Text, en: Text }).describe('the message in both languages'),
      channels: z
        .array(z.enum(['in-app', 'sms', 'email']))
        .min(1)
        .describe('where it goes out'),
      occurredAt: Timestamp.describe('when the change it tells of happened'),
      eventId: EventId,
    }),
  },
];
