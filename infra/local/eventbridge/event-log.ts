import { LocalEventBridge, type PutEventsEntry, type PutEventsResult } from './buses.ts';

export interface LoggedEvent {
  bus: string;
  id: string;
  source?: string;
  detailType?: string;
  detail: unknown;
  at: string;
}

const PER_BUS = 500;

/**
 * The local buses, remembering the last events accepted on each one. Developers (and tests) read them at
 * `GET /local/events?bus=...` to see where an event went; AWS offers no such view, so it is local-only.
 */
export class RecordingEventBridge extends LocalEventBridge {
  private readonly log = new Map<string, LoggedEvent[]>();

  override putEvents(entries: readonly PutEventsEntry[]): PutEventsResult {
    const result = super.putEvents(entries);
    result.Entries.forEach((outcome, i) => {
      const entry = entries[i];
      if (!entry || !('EventId' in outcome)) return;
      const bus = String(entry.EventBusName ?? 'default')
        .split('/')
        .pop()!;
      const list = this.log.get(bus) ?? [];
      list.push({
        bus,
        id: outcome.EventId,
        source: entry.Source,
        detailType: entry.DetailType,
        detail: JSON.parse(entry.Detail ?? 'null'),
        at: new Date().toISOString(),
      });
      if (list.length > PER_BUS) list.shift();
      this.log.set(bus, list);
    });
    return result;
  }

  recent(bus?: string): LoggedEvent[] {
    return bus
      ? (this.log.get(bus) ?? [])
      : [...this.log.values()].flat().sort((a, b) => a.at.localeCompare(b.at));
  }
}
