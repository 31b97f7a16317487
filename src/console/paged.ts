import { useEffect, useRef, useState } from 'preact/hooks';

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

/**
 * A Relay connection read page by page ("Load more" appends). A newer load wins over an
 * older one still in flight, so typing in Search never shows a stale list. `loadedFor` is
 * the `deps` the items were loaded with (null before the first load): a page says what it
 * shows by them, not by inputs whose load has not answered yet.
 */
export function usePaged<T>(load: (after: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<unknown[] | null>(null);
  const generation = useRef(0);

  const fetchPage = async (after: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await load(after);
      if (mine !== generation.current) return;
      setItems((previous) => (after ? [...previous, ...page.nodes] : page.nodes));
      setCursor(page.endCursor ?? null);
      setHasMore(page.hasNextPage);
      setLoadedFor(deps);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    void fetchPage(null);
  }, deps);

  return { items, hasMore, loading, error, loadedFor, more: () => fetchPage(cursor), reload: () => fetchPage(null) };
}

export const nodesOf = <T,>(connection: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }): Page<T> => ({
  nodes: connection.edges.map((e) => e.node),
  hasNextPage: connection.pageInfo.hasNextPage,
  endCursor: connection.pageInfo.endCursor,
});
