import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { ALERT_STATUSES, CLOSE_REASONS } from '../lib/domain';

interface BulkResult {
  results: { id: string; ok: boolean }[];
}

/** One transition for every selected alert; the API reports each alert's outcome, and so do we. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: (counts: { ok: number; failed: number }) => void }) {
  const { api, t, tv, fail, user } = useApp();
  const [to, setTo] = useState('triaged');
  const [reason, setReason] = useState<string>(CLOSE_REASONS[0]);
  const send = async (body: Record<string, unknown>) => {
    try {
      const answer = await api.post<BulkResult>('/v1/alerts/bulk', { ids, ...body });
      const ok = answer.results.filter((r) => r.ok).length;
      const counts = { ok, failed: answer.results.length - ok };
      onDone(counts);
    } catch (error) {
      fail(error);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({ action: 'transition', to, ...(to === 'closed' ? { reason } : {}) });
  };
  return (
    <form className="bulk-bar" onSubmit={submit} data-testid="bulk-bar" aria-label={t('bulkTriage')}>
      <span data-testid="bulk-count">{t('selectedCount', { n: ids.length })}</span>
      <label>
        {t('moveTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="bulk-to">
          {ALERT_STATUSES.filter((s) => s !== 'new').map((s) => (
            <option key={s} value={s}>{tv('status', s)}</option>
          ))}
        </select>
      </label>
      {to === 'closed' && (
        <label>
          {t('closeReason')}
          <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="bulk-reason">
            {CLOSE_REASONS.map((r) => (
              <option key={r} value={r}>{tv('reason', r)}</option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="primary" data-testid="bulk-apply">{t('applyToSelected')}</button>
      <button type="button" onClick={() => send({ action: 'assign', assignee_id: user?.id })} data-testid="bulk-assign-me">{t('assignSelectedToMe')}</button>
    </form>
  );
}
