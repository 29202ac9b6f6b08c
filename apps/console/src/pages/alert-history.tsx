import { useApp } from '../components/app-context';
import { saveFile } from '../components/save-file';
import { Timeline } from '../components/timeline';
import type { AlertEvent } from './alert-types';

/** What happened to the alert, oldest first; each entry says who, when, and what changed. */
export function AlertHistory({ alertId, events }: { alertId: string; events: AlertEvent[] }) {
  const { api, t, tv, fail } = useApp();
  const describe = (e: AlertEvent): string => {
    const b = e.body ?? {};
    if (e.kind === 'status') return `${tv('status', String(b.from))} → ${tv('status', String(b.to))}${b.reason ? ` (${tv('reason', String(b.reason))})` : ''}`;
    if (e.kind === 'comment' || e.kind === 'response') return String(b.text ?? b.note ?? '');
    if (e.kind === 'assigned') return b.assignee_id ? String(b.assignee_id) : t('unassigned');
    return '';
  };
  return (
    <Timeline
      name="history"
      title={t('history')}
      events={events}
      kindLabel={(kind) => tv('event', kind)}
      describe={(e) => (
        <>
          {e.visibility === 'shared' && <span className="muted">· {t('sharedWithPlatform')} </span>}
          <span>{describe(e)}</span>
        </>
      )}
      extra={(e) =>
        e.kind === 'evidence' &&
        ((e.body.files as { id: string; file_name: string }[]) ?? []).map((f) => (
          <button key={f.id} type="button" className="link-button" onClick={() => saveFile(api, `/v1/alerts/${alertId}/evidence/${f.id}`, f.file_name).catch(fail)} data-testid="evidence-file">
            {f.file_name}
          </button>
        ))
      }
    />
  );
}
