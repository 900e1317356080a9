import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (nothing while it is undefined), again on reload, and every `refreshMs` when given. */
export function useApi<T>(
  path: string | undefined,
  options: { refreshMs?: number; anonymous?: boolean } = {},
): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const { refreshMs, anonymous } = options;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload signal
  useEffect(() => {
    if (!path) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: abort.signal, anonymous })
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError')
          setState((s) => ({ data: s.data, error, loading: false }));
      });
    return () => abort.abort();
  }, [path, tick, anonymous]);

  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);

  return { ...state, reload };
}
