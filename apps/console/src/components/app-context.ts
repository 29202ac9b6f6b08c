import { createContext, useContext } from 'react';
import type { ApiClient } from '../lib/api-client';
import type { Lang } from '../lib/format';
import type { Role } from '../lib/roles';
import type { MessageKey } from '../i18n/messages';

export interface CurrentUser {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  org_id: string;
  org_name: string;
  platform_id: string | null;
}

export interface AppServices {
  api: ApiClient;
  user: CurrentUser | null;
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** A domain value (status, detector, severity…) in the reader's language; the raw value when untranslated. */
  tv: (prefix: string, value: string | null | undefined) => string;
  /** Says something to screen readers (and shows it) in the live region; kept as a key so it follows a language switch. */
  announce: (key: MessageKey, vars?: Record<string, string | number>) => void;
  /** Shows an error in the alert region, in the reader's language. */
  fail: (error: unknown) => void;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <App>');
  return services;
}
