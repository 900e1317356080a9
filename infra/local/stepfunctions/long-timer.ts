// Node fires any delay above 2^31-1 ms (about 24.8 days) after 1 ms instead, so longer waits are armed in
// chunks, each re-reading the clock so the timer still fires at the wall-clock instant it was set for.
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface LongTimer {
  cancel(): void;
}

/** Calls `callback` at `dueAt` (epoch ms), however far away; at once if `dueAt` has passed. */
export function scheduleAt(dueAt: number, callback: () => void): LongTimer {
  let handle: NodeJS.Timeout;
  const arm = (): void => {
    const remaining = dueAt - Date.now();
    handle =
      remaining > MAX_DELAY_MS ? setTimeout(arm, MAX_DELAY_MS) : setTimeout(callback, Math.max(0, remaining));
  };
  arm();
  return { cancel: () => clearTimeout(handle) };
}
