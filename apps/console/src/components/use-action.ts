import { useCallback, useState } from 'react';
import { useApp } from './app-context';

/** Runs a change against the API: announces success, shows the API's error otherwise, and reports busy. */
export function useAction(): { busy: boolean; run: (work: () => Promise<unknown>, then?: () => unknown) => Promise<boolean> } {
  const { announce, fail, t } = useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>, then?: () => unknown) => {
      setBusy(true);
      try {
        await work();
        fail(null);
        announce('saved');
        await then?.();
        return true;
      } catch (error) {
        fail(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [announce, fail, t],
  );
  return { busy, run };
}
