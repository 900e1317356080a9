import { LocalEventBridge, type PutEventsEntry, type PutEventsResult } from './buses.ts';

export interface LoggedEvent {
  bus: string;
  id: string;
  source?: string;
  detailType?: string;
  detail: unknown;
  at: string;
}

// Enough for a whole test run's events on the busiest bus, the hub.
const PER_BUS = 5000;

/**
 * The local buses, remembering the last events accepted on each one. Developers (and tests) read them at
 * `GET /local/events?bus=...` to see where an event went; AWS offers no such view, so it is local-only. The
 * department simulator listens here.
 */
export class RecordingEventBridge extends LocalEventBridge {
  private readonly log = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<(event: LoggedEvent) => void>();

  /** Calls `listener` with every event accepted on any bus, after it was accepted; returns the unsubscribe. */
  subscribe(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

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
      for (const listener of this.listeners) listener(list.at(-1)!);
    });
    return result;
  }

  recent(bus?: string): LoggedEvent[] {
    return bus
      ? (this.log.get(bus) ?? [])
      : [...this.log.values()].flat().sort((a, b) => a.at.localeCompare(b.at));
  }
}
