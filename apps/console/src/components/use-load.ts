import { useCallback, useEffect, useState } from 'react';
import { useApp } from './app-context';

/** Loads data for a page; errors go to the page's alert region. `reload` re-runs the same request. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; loading: boolean; reload: () => Promise<void> } {
  const { fail } = useApp();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  // The caller names what the request depends on (api, id, query); `load` itself is a new
  // closure every render and would otherwise re-fetch on every render.
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
    } catch (error) {
      fail(error);
    } finally {
      setLoading(false);
    }
  }, [run, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, reload };
}

/** Runs `tick` every `ms` while `active`, e.g. to follow ingestion or a dossier build. */
export function usePoll(active: boolean, ms: number, tick: () => unknown): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => void tick(), ms);
    return () => window.clearInterval(timer);
  }, [active, ms, tick]);
}
