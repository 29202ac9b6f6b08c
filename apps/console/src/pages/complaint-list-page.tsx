import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { ListTable } from '../components/list-table';
import { navigate, useLocation } from '../components/router';
import { useLoad } from '../components/use-load';
import { COMPLAINT_STATUSES } from '../lib/domain';
import { formatDateTime } from '../lib/format';
import type { Complaint } from './complaint-types';

/** Regulators: the inbox of every complaint. Consumer groups: their own, with the status they follow. */
export function ComplaintListPage() {
  const { api, t, tv, lang, user } = useApp();
  const { search } = useLocation();
  const status = new URLSearchParams(search).get('status') ?? '';
  const { data } = useLoad(() => api.get<Complaint[]>(`/v1/complaints${status ? `?status=${encodeURIComponent(status)}` : ''}`), [api, status]);
  const inbox = user?.role === 'regulator';
  return (
    <section>
      <h1>{inbox ? t('complaintInbox') : t('myComplaints')}</h1>
      <label>
        {t('status')}
        <select value={status} onChange={(e) => navigate(`/console/complaints${e.target.value ? `?status=${e.target.value}` : ''}`)} data-testid="filter-complaint-status">
          <option value="">{t('all')}</option>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>{tv('complaintStatus', s)}</option>
          ))}
        </select>
      </label>
      <ListTable
        rows={data}
        testId="complaint-table"
        columns={[t('complaintRef'), t('platform'), t('category'), t('status'), t('received')]}
        row={(c) => (
          <tr key={c.id} data-testid="complaint-row" data-complaint-id={c.id}>
            <td><Link href={`/console/complaints/${c.id}`} data-testid="complaint-link">{c.ref}</Link></td>
            <td>{c.platform_id}</td>
            <td>{tv('category', c.category)}</td>
            <td data-testid="complaint-status" data-status={c.status}>{tv('complaintStatus', c.status)}</td>
            <td>{formatDateTime(c.created_at, lang)}</td>
          </tr>
        )}
      />
    </section>
  );
}
