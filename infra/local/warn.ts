import { formatWithOptions } from 'node:util';

/**
 * Local mode's one warning channel: what goes wrong off any request's path (a timer that threw, an event no
 * dead-letter queue could take, a stream that could not be polled) is a line on stderr, where `npm start` shows
 * it beside the server's own output, prefixed with the part of the runtime that speaks, as `[scheduler] …`.
 * Details (an error, a record) follow the message as console.error would print them.
 */
export function warn(source: string, message: string, ...details: unknown[]): void {
  process.stderr.write(
    `${formatWithOptions({ colors: false, depth: 4 }, `[${source}] ${message}`, ...details)}\n`,
  );
}
