import type { EventEmitter } from 'node:events';
import type { S3ObjectCreatedNotificationEventDetail } from 'aws-lambda';
import { warn } from '../warn.ts';

/**
 * What S3 sends to EventBridge when a bucket has NotificationConfiguration.EventBridgeConfiguration
 * enabled, for local mode: s3rver emits an 'event' (a classic S3 notification, { Records: [...] }) on the
 * server itself after each write; these become "Object Created" entries on the default bus, with the detail
 * of the S3 user guide's "EventBridge event message structure".
 *
 * What differs from AWS: s3rver keeps no versions, so there is no version-id; it reports a completed
 * multipart upload as a POST, so that arrives with reason 'POST Object'; and a copy carries no etag.
 */

export interface ObjectCreatedEntry {
  Source: 'aws.s3';
  DetailType: 'Object Created';
  Detail: string;
  Resources: string[];
}

export type ObjectCreatedDetail = Omit<S3ObjectCreatedNotificationEventDetail, 'object'> & {
  object: Omit<S3ObjectCreatedNotificationEventDetail['object'], 'version-id' | 'etag'> & { etag?: string };
};

export interface WatchOptions {
  /** Partition of the bucket ARNs in `resources` (aws-cn in China). */
  partition?: string;
  /** Who `requester` names: the account of the credentials local mode signs with. */
  account?: string;
  /** Where a failing `emit` is reported; it must never fail the upload that caused it. */
  onError?: (error: unknown) => void;
}

// The parts of s3rver's notification (lib/models/event.js) read here.
interface S3rverRecord {
  eventName: string;
  requestParameters?: { sourceIPAddress?: string };
  responseElements?: { 'x-amz-request-id'?: string };
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
}

const REASONS: Record<string, ObjectCreatedDetail['reason']> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'POST Object',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectCreated:CompleteMultipartUpload': 'CompleteMultipartUpload',
};

/** Emits an "Object Created" entry for every object written to one of `buckets`; returns how to stop. */
export function watchObjectCreated(
  server: EventEmitter,
  buckets: string[],
  emit: (entry: ObjectCreatedEntry) => void,
  options: WatchOptions = {},
): () => void {
  const watched = new Set(buckets);
  const sequencer = sequencerClock();
  const listener = (notification: { Records?: S3rverRecord[] }) => {
    for (const record of notification.Records ?? []) {
      const reason = REASONS[record.eventName];
      if (!reason || !watched.has(record.s3.bucket.name)) continue;
      const entry = toEntry(record, reason, sequencer(), options);
      // s3rver emits while it answers the request; AWS sends the event after the write, never within it.
      setImmediate(() => {
        try {
          emit(entry);
        } catch (error) {
          (options.onError ?? ((e: unknown) => warn('s3', 'a notification failed:', e)))(error);
        }
      });
    }
  };
  server.on('event', listener);
  return () => void server.off('event', listener);
}

function toEntry(
  record: S3rverRecord,
  reason: ObjectCreatedDetail['reason'],
  sequencer: string,
  options: WatchOptions,
): ObjectCreatedEntry {
  const { bucket, object } = record.s3;
  const detail: ObjectCreatedDetail = {
    version: '0',
    bucket: { name: bucket.name },
    object: {
      key: object.key,
      size: Number(object.size ?? 0),
      ...(object.eTag === undefined ? {} : { etag: object.eTag }),
      sequencer,
    },
    'request-id': record.responseElements?.['x-amz-request-id'] ?? '',
    requester: options.account ?? '000000000000',
    'source-ip-address': record.requestParameters?.sourceIPAddress ?? '127.0.0.1',
    reason,
  };
  return {
    Source: 'aws.s3',
    DetailType: 'Object Created',
    Detail: JSON.stringify(detail),
    Resources: [`arn:${options.partition ?? 'aws'}:s3:::${bucket.name}`],
  };
}

/**
 * S3's sequencer orders the events of one key: a hexadecimal string, compared after padding. Time plus a
 * counter keeps two writes within one millisecond in order, which s3rver's Date.now() alone would not.
 */
function sequencerClock(): () => string {
  let last = 0n;
  return () => {
    const now = BigInt(Date.now()) << 16n;
    last = now > last ? now : last + 1n;
    return last.toString(16).toUpperCase().padStart(18, '0');
  };
}
