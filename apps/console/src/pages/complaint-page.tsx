import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { saveFile } from '../components/save-file';
import { SeverityBadge } from '../components/severity-badge';
import { useLoad } from '../components/use-load';
import { formatBytes, formatDateTime } from '../lib/format';
import { ComplaintStatusForm } from './complaint-status-form';
import type { Complaint } from './complaint-types';

export function ComplaintPage({ id }: { id: string }) {
  const { api, t, tv, lang, user, fail } = useApp();
  const { data: c, reload } = useLoad(() => api.get<Complaint>(`/v1/complaints/${id}`), [api, id]);
  if (!c) return <p>{t('loading')}</p>;
  const regulator = user?.role === 'regulator';
  const download = (attachmentId: string) => saveFile(api, `/v1/complaints/${id}/attachments/${attachmentId}`, 'attachment').catch(fail);
  return (
    <article>
      <h1>
        {t('complaint')} <span data-testid="complaint-ref">{c.ref}</span>
      </h1>
      <p className="status-card">
        {t('status')}: <strong data-testid="complaint-status" data-status={c.status}>{tv('complaintStatus', c.status)}</strong>
        {c.status_note && (
          <>
            {' '}— <span data-testid="complaint-status-note">{c.status_note}</span>
          </>
        )}
      </p>
      {!regulator && <p className="muted" data-testid="complaint-status-help">{tv('complaintStatusHelp', c.status)}</p>}
      <dl className="facts">
        <dt>{t('platform')}</dt>
        <dd>{c.platform_id}</dd>
        <dt>{t('category')}</dt>
        <dd>{tv('category', c.category)}</dd>
        <dt>{t('product')}</dt>
        <dd>{c.sku_id ?? c.page_url ?? '—'}</dd>
        <dt>{t('received')}</dt>
        <dd>{formatDateTime(c.created_at, lang)}</dd>
        <dt>{t('observedPrices')}</dt>
        <dd>
          {c.observed.map((o, i) => (
            <div key={i}>
              {(o.price_minor / 100).toFixed(2)} {o.currency} · {formatDateTime(o.seen_at, lang)}
              {o.note && ` · ${o.note}`}
            </div>
          ))}
        </dd>
      </dl>
      <h2>{t('narrative')}</h2>
      <p data-testid="complaint-narrative" className="prewrap">{c.narrative}</p>
      <h2>{t('attachments')}</h2>
      <ul data-testid="attachment-list" className="plain">
        {(c.attachments ?? []).map((a) => (
          <li key={a.id} data-testid="attachment-item">
            <button type="button" className="link-button" onClick={() => download(a.id)} data-testid="attachment-download">{a.file_name}</button> <span className="muted">({formatBytes(a.size_bytes)})</span>
          </li>
        ))}
        {(c.attachments ?? []).length === 0 && <li>{t('none')}</li>}
      </ul>
      {regulator && (
        <>
          <h2>{t('relatedAlerts')}</h2>
          <ul data-testid="complaint-alerts" className="plain">
            {(c.alerts ?? []).map((a) => (
              <li key={a.id} data-testid="complaint-alert">
                <SeverityBadge severity={a.severity} /> <Link href={`/console/alerts/${a.id}`}>{a.summary}</Link> · {tv('status', a.status)}
              </li>
            ))}
            {(c.alerts ?? []).length === 0 && <li>{t('none')}</li>}
          </ul>
          <p>
            <Link href={`/console/cases/new?complaint_ids=${c.id}${(c.alerts ?? []).length ? `&alert_ids=${(c.alerts ?? []).map((a) => a.id).join(',')}` : ''}`} className="button-link" data-testid="complaint-open-case">
              {t('openCase')}
            </Link>
          </p>
          {c.status !== 'closed' && <ComplaintStatusForm complaintId={c.id} onChanged={reload} />}
        </>
      )}
    </article>
  );
}
