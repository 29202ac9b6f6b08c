import { navFor, NAV_PATHS, type NavItem } from '../lib/roles';
import type { MessageKey } from '../i18n/messages';
import { useApp } from './app-context';
import { Link } from './link';
import { useLocation } from './router';

const NAV_LABEL: Record<NavItem, MessageKey> = {
  alerts: 'navAlerts',
  cases: 'navCases',
  complaints: 'navComplaints',
  'complaint-new': 'navComplaintNew',
  'self-audit': 'navSelfAudit',
};

export function Header({ onToggleLang }: { onToggleLang: () => void }) {
  const { user, t, signOut } = useApp();
  const { path } = useLocation();
  const items = user ? navFor(user.role) : [];
  const current = (item: NavItem) => path === NAV_PATHS[item] || (item !== 'complaint-new' && path.startsWith(`${NAV_PATHS[item]}/`) && path !== NAV_PATHS['complaint-new']);
  return (
    <header className="site-header">
      <span className="brand">{t('appName')}</span>
      {user && (
        <nav aria-label={t('navLabel')} data-testid="nav">
          <ul>
            {items.map((item) => (
              <li key={item}>
                <Link href={NAV_PATHS[item]} data-testid={`nav-${item}`} aria-current={current(item) ? 'page' : undefined}>
                  {t(NAV_LABEL[item])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="header-tools">
        {user && (
          <span data-testid="user-name">
            {user.display_name} · {t(`role_${user.role}` as MessageKey)}
          </span>
        )}
        <button type="button" onClick={onToggleLang} data-testid="lang-switch" lang={t('otherLangCode')}>
          {t('otherLangName')}
        </button>
        {user && (
          <button type="button" onClick={signOut} data-testid="sign-out">
            {t('signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
