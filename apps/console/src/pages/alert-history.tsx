import { useApp } from '../components/app-context';
import { formatDateTime } from '../lib/format';
import type { AlertEvent } from './alert-types';

/** What happened to the alert, oldest first; each entry says who, when, and what changed. */
export function AlertHistory({ events }: { events: AlertEvent[] }) {
  const { t, tv, lang } = useApp();
  const describe = (e: AlertEvent): string => {
    const b = e.body ?? {};
    if (e.kind === 'status') return `${tv('status', String(b.from))} → ${tv('status', String(b.to))}${b.reason ? ` (${tv('reason', String(b.reason))})` : ''}`;
    if (e.kind === 'comment' || e.kind === 'response') return String(b.text ?? b.note ?? '');
    if (e.kind === 'assigned') return b.assignee_id ? String(b.assignee_id) : t('unassigned');
    if (e.kind === 'evidence') return ((b.files as { file_name: string }[]) ?? []).map((f) => f.file_name).join(', ');
    return '';
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history')}</h2>
      <ol data-testid="history" className="timeline">
        {events.map((e) => (
          <li key={e.id} data-testid="history-item" data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{tv('event', e.kind)}</strong>
            {e.visibility === 'shared' && <span className="muted"> · {t('sharedWithPlatform')}</span>} <span>{describe(e)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
