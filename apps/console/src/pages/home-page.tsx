import { useApp } from '../components/app-context';

/** Admins manage accounts through the API; everyone else is sent on to their own landing page. */
export function HomePage() {
  const { t, user } = useApp();
  return (
    <section>
      <h1>{t('appName')}</h1>
      {user?.role === 'admin' && <p data-testid="admin-note">{t('adminNote')}</p>}
    </section>
  );
}
