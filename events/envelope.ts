import { z } from 'zod';
import { SCHEMA_VERSION } from '../shared/domain/cases/events.ts';
import { BASE_CODE, IMPLEMENTATION_CODE } from '../shared/domain/catalog/model.ts';

/**
 * The pieces every schema of the contract is built from, and the common envelope of the events about a case.
 * Events the platform publishes are open objects (a minor version may add optional fields, and a consumer
 * ignores what it does not know); answers departments send are closed, so a misspelt field is refused rather
 * than silently dropped.
 */

const MAJOR = SCHEMA_VERSION.split('.')[0];

/** Any minor version of the current major one: a consumer of 1.0 reads 1.3 unchanged. */
export const SchemaVersion = z
  .string()
  .regex(new RegExp(`^${MAJOR}\\.\\d+$`))
  .describe(`the contract version the event was written under, ${MAJOR}.x; a minor version only adds`);

export const RegionCode = z
  .string()
  .regex(/^\d{6}$/)
  .describe('GB/T 2260 administrative region code, e.g. 610100 (西安市)');

export const DepartmentCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .describe("the department's code in the catalog, e.g. market-regulation");

export const Timestamp = z.iso.datetime({ offset: true }).describe('an instant, ISO 8601 with its offset');
export const Day = z.iso.date().describe('a calendar day in China, YYYY-MM-DD');
export const CaseId = z.uuid().describe('the case (办件)');

/** HMAC-SHA-256 under the platform's KMS key, base64url: the only way a person or enterprise is named. */
export const IdHash = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .describe('keyed hash of an ID number or 统一社会信用代码 (HMAC-SHA-256, base64url); never the number');

export const IdempotencyKey = z
  .string()
  .min(1)
  .max(512)
  .describe('the same however often the event is delivered or replayed: de-duplicate on it');

export const ImplementationCode = z
  .string()
  .regex(IMPLEMENTATION_CODE)
  .describe('implementation item code (实施清单编码): the base code and the region code');
export const BaseCode = z
  .string()
  .regex(BASE_CODE)
  .describe('base item code (基本目录编码), the same in every region');

export const EventId = z
  .string()
  .min(1)
  .describe('the id of the change that produced the event (the outbox record), unique per event');

/** The common envelope: who an event is about, where, when, under which contract version, and its key. */
export const envelope = {
  schemaVersion: SchemaVersion,
  idempotencyKey: IdempotencyKey,
  eventId: EventId,
  caseId: CaseId,
  implementationCode: ImplementationCode,
  baseCode: BaseCode,
  matterVersion: z
    .number()
    .int()
    .min(1)
    .describe('the matter version the case is judged by: the one in force when it was submitted'),
  department: DepartmentCode.describe('the department that handles (decides) the case'),
  handlingRegion: RegionCode.describe('办理地: the region that decides; events are routed to its bus'),
  receivingRegion: RegionCode.describe('收件地: where the application was received (全省通办)'),
  occurredAt: Timestamp.describe('when it happened (not when it was delivered)'),
};

export const Envelope = z.looseObject(envelope);
export type Envelope = z.infer<typeof Envelope>;

/** The EventBridge event around a detail, as a target receives it. */
export const EventBridgeEvent = z.looseObject({
  version: z.literal('0'),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().regex(/^\d{12}$/),
  time: z.iso.datetime({ offset: true }),
  region: z.string().min(1),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});
export type EventBridgeEvent = z.infer<typeof EventBridgeEvent>;
