import { useCallback, useState } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useApp } from './app-context';

/** What to announce when the change succeeds; a key and its values, so it is read in the current language. */
export interface Announcement {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const SAVED: Announcement = { key: 'saved' };

/**
 * Runs a change against the API: announces success ("saved" unless `said` names the message), shows
 * the API's error otherwise, and reports busy.
 */
export function useAction(): { busy: boolean; run: (work: () => Promise<unknown>, then?: () => unknown, said?: () => Announcement) => Promise<boolean> } {
  const { announce, fail } = useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>, then?: () => unknown, said: () => Announcement = () => SAVED) => {
      setBusy(true);
      try {
        await work();
        fail(null);
        const { key, vars } = said();
        announce(key, vars);
        await then?.();
        return true;
      } catch (error) {
        fail(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [announce, fail],
  );
  return { busy, run };
}
