import { useState } from 'react';
import { api } from './client.ts';
import { useApi } from './useApi.ts';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * A list the API pages with a cursor: the first page kept fresh every `refreshMs`, later pages added on demand
 * ("load more"), an item already on the first page not shown twice.
 */
export function usePagedList<T extends { id: string }>(path: string, refreshMs: number) {
  const first = useApi<Page<T>>(`${path}?limit=50`, { refreshMs });
  const [more, setMore] = useState<{ items: T[]; cursor?: string }>();
  const [error, setError] = useState<unknown>();
  const cursor = more ? more.cursor : first.data?.nextCursor;
  const loadMore = async () => {
    setError(undefined);
    try {
      const page = await api<Page<T>>(
        `${path}?${new URLSearchParams({ limit: '50', cursor: cursor ?? '' })}`,
      );
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      setError(e);
    }
  };
  const head = first.data?.items ?? [];
  const rows = [...head, ...(more?.items ?? []).filter((x) => !head.some((y) => y.id === x.id))];
  return { first, rows, cursor, loadMore, error };
}
