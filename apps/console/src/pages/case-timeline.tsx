import { useApp } from '../components/app-context';
import { formatDateTime } from '../lib/format';
import type { CaseDetail } from './case-types';

export function CaseTimeline({ events }: { events: CaseDetail['timeline'] }) {
  const { t, tv, lang } = useApp();
  const describe = (kind: string, b: Record<string, unknown>): string => {
    if (kind === 'status') return `${tv('caseStatus', String(b.from))} → ${tv('caseStatus', String(b.to))}${b.decision ? `: ${String(b.decision)}` : ''}`;
    if (kind === 'note') return String(b.text ?? '');
    if (kind === 'task_added') return String(b.title ?? '');
    if (kind === 'party_added') return `${tv('party', String(b.role))}: ${String(b.name ?? '')}`;
    if (kind === 'alerts_merged') return t('nAlerts', { n: ((b.alert_ids as string[]) ?? []).length });
    if (kind === 'opened') return String(b.title ?? '');
    return '';
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline')}</h2>
      <ol data-testid="timeline" className="timeline">
        {events.map((e) => (
          <li key={e.id} data-testid="timeline-item" data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{tv('caseEvent', e.kind)}</strong> <span>{describe(e.kind, e.body ?? {})}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
