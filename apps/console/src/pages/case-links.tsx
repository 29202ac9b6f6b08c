import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { SeverityBadge } from '../components/severity-badge';
import type { CaseDetail } from './case-types';

export function CaseLinks({ c }: { c: CaseDetail }) {
  const { t, tv, lang } = useApp();
  const alerts = c.links.filter((l) => l.kind === 'alert');
  const complaints = c.links.filter((l) => l.kind === 'complaint');
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{t('linkedAlerts')}</h2>
      <ul data-testid="linked-alerts" className="plain">
        {alerts.map((l) => (
          <li key={l.subject_id} data-testid="linked-alert">
            {l.severity && <SeverityBadge severity={l.severity} />} <Link href={`/console/alerts/${l.subject_id}`}>{(lang === 'zh' && l.summary_zh) || l.summary || l.subject_id}</Link> · {tv('detector', l.detector)} · {tv('status', l.alert_status)}
          </li>
        ))}
        {alerts.length === 0 && <li>{t('none')}</li>}
      </ul>
      <h2>{t('linkedComplaints')}</h2>
      <ul data-testid="linked-complaints" className="plain">
        {complaints.map((l) => (
          <li key={l.subject_id} data-testid="linked-complaint">
            <Link href={`/console/complaints/${l.subject_id}`}>{l.subject_id}</Link>
          </li>
        ))}
        {complaints.length === 0 && <li>{t('none')}</li>}
      </ul>
    </section>
  );
}
