import { useApp } from '../components/app-context';
import { Timeline } from '../components/timeline';
import type { CaseDetail } from './case-types';

export function CaseTimeline({ events }: { events: CaseDetail['timeline'] }) {
  const { t, tv } = useApp();
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
    <Timeline
      name="timeline"
      title={t('timeline')}
      events={events}
      kindLabel={(kind) => tv('caseEvent', kind)}
      describe={(e) => <span>{describe(e.kind, e.body ?? {})}</span>}
    />
  );
}
