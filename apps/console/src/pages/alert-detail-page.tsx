import { useApp } from '../components/app-context';
import { SeverityBadge } from '../components/severity-badge';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../lib/format';
import { AlertActions } from './alert-actions';
import { AlertCaseLinks } from './alert-case-links';
import { AlertComment } from './alert-comment';
import { AlertHistory } from './alert-history';
import { AlertStatistics } from './alert-statistics';
import type { AlertDetail } from './alert-types';
import { EvidenceTable } from './evidence-table';
import { LegalBasisList } from './legal-basis-list';
import { PlatformResponse } from './platform-response';

export function AlertDetailPage({ id }: { id: string }) {
  const { api, t, tv, lang, user } = useApp();
  const { data: alert, reload } = useLoad(() => api.get<AlertDetail>(`/v1/alerts/${id}`), [api, id]);
  if (!alert) return <p>{t('loading')}</p>;
  const f = alert.finding;
  const regulator = user?.role === 'regulator';
  return (
    <article>
      <h1 data-testid="alert-summary">{lang === 'zh' && alert.summary_zh ? alert.summary_zh : alert.summary}</h1>
      <dl className="facts">
        <dt>{t('severity')}</dt>
        <dd><SeverityBadge severity={alert.severity} /></dd>
        <dt>{t('status')}</dt>
        <dd data-testid="alert-status" data-status={alert.status}>
          {tv('status', alert.status)}
          {alert.close_reason && ` (${tv('reason', alert.close_reason)})`}
        </dd>
        <dt>{t('detector')}</dt>
        <dd>{tv('detector', alert.detector)}</dd>
        <dt>{t('platform')}</dt>
        <dd>{alert.platform_id}</dd>
        <dt>{t('subject')}</dt>
        <dd>{Object.entries(f?.subject ?? {}).map(([k, v]) => `${k}: ${String(v)}`).join(' · ') || '—'}</dd>
        <dt>{t('period')}</dt>
        <dd>{f?.period ? `${formatDateTime(f.period.from, lang)} – ${formatDateTime(f.period.to, lang)}` : '—'}</dd>
        <dt>{t('due')}</dt>
        <dd>
          {formatDateTime(alert.due_at, lang)}
          {alert.overdue && <span className="overdue-flag"> {t('overdue')}</span>}
        </dd>
        <dt>{t('assignee')}</dt>
        <dd data-testid="alert-assignee">{alert.assignee_id ? (alert.assignee_id === user?.id ? t('me') : alert.assignee_id) : t('unassigned')}</dd>
        <dt>{t('method')}</dt>
        <dd>{f?.method ?? '—'}</dd>
      </dl>
      {f && <AlertStatistics metrics={f.metrics} />}
      {f && <LegalBasisList codes={f.legal_basis} />}
      {f && <EvidenceTable evidence={f.evidence} total={f.evidence_total} />}
      {regulator && <AlertActions alert={alert} onChanged={reload} />}
      {regulator && <AlertCaseLinks alertId={alert.id} />}
      {regulator && <AlertComment alertId={alert.id} onChanged={reload} />}
      {user?.role === 'platform_compliance' && <PlatformResponse alert={alert} onChanged={reload} />}
      <AlertHistory alertId={alert.id} events={alert.history} />
    </article>
  );
}
