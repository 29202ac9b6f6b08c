import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';

/** The status the submitter follows; the note is shown to them, so it is written for them. */
export function ComplaintStatusForm({ complaintId, onChanged }: { complaintId: string; onChanged: () => unknown }) {
  const { api, t, tv } = useApp();
  const { busy, run } = useAction();
  const [status, setStatus] = useState('under_review');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.post(`/v1/complaints/${complaintId}/status`, { status, ...(note ? { note } : {}) }), onChanged);
  };
  return (
    <form onSubmit={submit} className="panel stack" aria-labelledby="complaint-status-heading">
      <h2 id="complaint-status-heading">{t('setStatus')}</h2>
      <label>
        {t('status')}
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="complaint-set-status">
          {['under_review', 'closed'].map((s) => (
            <option key={s} value={s}>{tv('complaintStatus', s)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('noteForSubmitter')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={5000} data-testid="complaint-note" />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="complaint-status-submit">{t('save')}</button>
    </form>
  );
}
