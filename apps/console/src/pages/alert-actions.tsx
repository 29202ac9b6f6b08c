import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';
import { CLOSE_REASONS, nextStatuses, type AlertStatus } from '../lib/domain';
import type { AlertDetail } from './alert-types';

/** Status, assignment and notification: only the moves the workflow allows from here are offered. */
export function AlertActions({ alert, onChanged }: { alert: AlertDetail; onChanged: () => unknown }) {
  const { api, t, tv, user } = useApp();
  const { busy, run } = useAction();
  const options = nextStatuses(alert.status as AlertStatus);
  const [to, setTo] = useState<string>(options[0] ?? '');
  const [reason, setReason] = useState<string>(CLOSE_REASONS[0]);
  const target = options.includes(to as AlertStatus) ? to : options[0];
  const transition = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.post(`/v1/alerts/${alert.id}/transition`, { to: target, ...(target === 'closed' ? { reason } : {}) }), onChanged);
  };
  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">{t('actions')}</h2>
      <form onSubmit={transition} className="inline-form">
        <label>
          {t('moveTo')}
          <select value={target} onChange={(e) => setTo(e.target.value)} data-testid="transition-to">
            {options.map((s) => (
              <option key={s} value={s}>{tv('status', s)}</option>
            ))}
          </select>
        </label>
        {target === 'closed' && (
          <label>
            {t('closeReason')}
            <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="transition-reason">
              {CLOSE_REASONS.map((r) => (
                <option key={r} value={r}>{tv('reason', r)}</option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="transition-submit">{t('changeStatus')}</button>
      </form>
      <div className="button-row">
        <button type="button" disabled={busy || alert.assignee_id === user?.id} onClick={() => run(() => api.post(`/v1/alerts/${alert.id}/assign`, { assignee_id: user?.id }), onChanged)} data-testid="assign-me">
          {t('assignToMe')}
        </button>
        <button type="button" disabled={busy || !alert.assignee_id} onClick={() => run(() => api.post(`/v1/alerts/${alert.id}/assign`, { assignee_id: null }), onChanged)} data-testid="unassign">
          {t('unassign')}
        </button>
        <button type="button" disabled={busy || Boolean(alert.notified_at)} onClick={() => run(() => api.post(`/v1/alerts/${alert.id}/notify`), onChanged)} data-testid="notify-platform">
          {alert.notified_at ? t('platformNotified') : t('notifyPlatform')}
        </button>
      </div>
    </section>
  );
}
