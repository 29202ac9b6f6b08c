import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { ListTable } from '../components/list-table';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../lib/format';
import type { CaseRow } from './case-types';

export function CaseListPage() {
  const { api, t, tv, lang } = useApp();
  const { data } = useLoad(() => api.get<{ total: number; items: CaseRow[] }>('/v1/cases?per_page=200'), [api]);
  return (
    <section>
      <h1>{t('casesTitle')}</h1>
      <p>
        <Link href="/console/cases/new" className="button-link" data-testid="case-new">{t('openCase')}</Link>
      </p>
      <ListTable
        rows={data?.items ?? null}
        testId="case-table"
        columns={[t('caseRef'), t('title'), t('platform'), t('status'), t('opened'), t('decisionDue')]}
        row={(c) => (
          <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
            <td><Link href={`/console/cases/${c.id}`} data-testid="case-link">{c.ref}</Link></td>
            <td>{c.title}</td>
            <td>{c.platform_id}</td>
            <td>{tv('caseStatus', c.status)}</td>
            <td>{formatDateTime(c.opened_at, lang)}</td>
            <td>
              {formatDateTime(c.decision_due_at, lang)}
              {(c.lead_overdue || c.decision_overdue) && <span className="overdue-flag" data-testid="case-overdue"> {t('overdue')}</span>}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
