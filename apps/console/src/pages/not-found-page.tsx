import { useApp } from '../components/app-context';
import { Link } from '../components/link';

export function NotFoundPage() {
  const { t } = useApp();
  return (
    <section data-testid="not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>
        <Link href="/console/">{t('backHome')}</Link>
      </p>
    </section>
  );
}
