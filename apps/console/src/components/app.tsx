import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from '../lib/api-client';
import { ApiError } from '../lib/api-error';
import { fill, htmlLang, initialLang } from '../lib/i18n';
import type { Lang } from '../lib/format';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { AppContext, type AppServices, type CurrentUser } from './app-context';
import { Header } from './header';
import { Routes } from './routes';
import { StatusRegion } from './status-region';
import { ErrorBanner } from './error-banner';
import { navigate, useLocation } from './router';
import { usePageTitle } from './use-page-title';

const TOKEN_KEY = 'fm.token';
const LANG_KEY = 'fm.lang';

/** Session, language and the two announcement regions; the pages get them through AppContext. */
export function App() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [checking, setChecking] = useState(Boolean(token));
  const [lang, setLangState] = useState<Lang>(() => initialLang(localStorage.getItem(LANG_KEY), navigator.language));
  const [status, setStatus] = useState<{ key: MessageKey; vars?: Record<string, string | number> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setUser(null);
    navigate('/console/sign-in');
  }, []);

  const api = useMemo(() => new ApiClient(token, signOut), [token, signOut]);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  // Only an explicit choice is saved: until then the browser's language keeps deciding.
  const toggleLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  };

  // A new page starts without the previous page's error, and with focus at its start, so a
  // keyboard or screen-reader user is not left on a link of the page that is gone.
  const firstPath = useRef(location.path);
  useEffect(() => {
    setError(null);
    if (location.path !== firstPath.current) {
      firstPath.current = '';
      document.getElementById('main')?.focus();
    }
  }, [location.path]);

  // A token kept from earlier in this tab: check it is still good (signIn already knows the user).
  useEffect(() => {
    if (!token || user) return;
    setChecking(true);
    api
      .get<CurrentUser>('/v1/auth/me')
      .then(setUser, () => signOut())
      .finally(() => setChecking(false));
  }, [api, token, user, signOut]);

  const services: AppServices = useMemo(() => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => fill(MESSAGES[lang][key], vars);
    const tv = (prefix: string, value: string | null | undefined) => {
      if (!value) return '—';
      const key = `${prefix}_${value}`;
      return key in MESSAGES[lang] ? MESSAGES[lang][key as MessageKey] : value;
    };
    return {
      api,
      user,
      lang,
      t,
      tv,
      announce: (key: MessageKey, vars?: Record<string, string | number>) => setStatus({ key, vars }),
      fail: (e: unknown) => setError(e),
      signIn: async (newToken: string) => {
        sessionStorage.setItem(TOKEN_KEY, newToken);
        const me = await new ApiClient(newToken, signOut).get<CurrentUser>('/v1/auth/me');
        setUser(me);
        setToken(newToken);
      },
      signOut,
    };
  }, [api, user, lang, signOut]);

  usePageTitle(MESSAGES[lang].appName);

  const errorText = error instanceof ApiError ? error.text(lang) : error ? String((error as Error).message ?? error) : '';

  return (
    <AppContext.Provider value={services}>
      <a className="skip-link" href="#main" data-testid="skip-link">
        {services.t('skipToMain')}
      </a>
      <Header onToggleLang={toggleLang} />
      <main id="main" tabIndex={-1} data-testid="main">
        <ErrorBanner text={errorText} onDismiss={() => setError(null)} />
        <StatusRegion text={status ? services.t(status.key, status.vars) : ''} />
        {checking ? <p>{services.t('loading')}</p> : <Routes />}
      </main>
    </AppContext.Provider>
  );
}
