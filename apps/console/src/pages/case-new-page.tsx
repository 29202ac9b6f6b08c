import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { navigate, useLocation } from '../components/router';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import type { CaseDetail } from './case-types';

const ids = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

interface Colleague {
  id: string;
  display_name: string;
}

/**
 * Opening a case names a handler and a different approver (four eyes), both picked by name from the
 * regulators of one's own organisation (GET /v1/users/colleagues); the handler is not offered as approver.
 */
export function CaseNewPage() {
  const { api, t, user } = useApp();
  const { search } = useLocation();
  const q = new URLSearchParams(search);
  const { busy, run } = useAction();
  const { data: colleagues } = useLoad(() => api.get<Colleague[]>('/v1/users/colleagues'), [api]);
  const [title, setTitle] = useState('');
  const [handler, setHandler] = useState(user?.id ?? '');
  const [approver, setApprover] = useState('');
  const [alertIds, setAlertIds] = useState(q.get('alert_ids') ?? '');
  const [complaintIds, setComplaintIds] = useState(q.get('complaint_ids') ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let created: CaseDetail | null = null;
    void run(
      async () => {
        created = await api.post<CaseDetail>('/v1/cases', { title, handler_id: handler, approver_id: approver, alert_ids: ids(alertIds), complaint_ids: ids(complaintIds) });
      },
      () => created && navigate(`/console/cases/${(created as CaseDetail).id}`),
    );
  };
  return (
    <section className="narrow">
      <h1>{t('openCase')}</h1>
      <form onSubmit={submit} className="stack" data-testid="case-new-form">
        <label>
          {t('title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} data-testid="case-title" />
        </label>
        <label>
          {t('handler')}
          <select
            value={handler}
            onChange={(e) => {
              setHandler(e.target.value);
              if (e.target.value === approver) setApprover('');
            }}
            required
            data-testid="case-handler"
          >
            {(colleagues ?? []).map((c) => (
              <option key={c.id} value={c.id}>{c.id === user?.id ? t('colleagueMe', { name: c.display_name }) : c.display_name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('approver')}
          <select value={approver} onChange={(e) => setApprover(e.target.value)} required aria-describedby="approver-help" data-testid="case-approver">
            <option value="">{colleagues ? t('chooseApprover') : t('loading')}</option>
            {(colleagues ?? [])
              .filter((c) => c.id !== handler)
              .map((c) => (
                <option key={c.id} value={c.id}>{c.display_name}</option>
              ))}
          </select>
        </label>
        <p id="approver-help" className="muted">{t('approverHelp')}</p>
        <label>
          {t('alertIds')}
          <textarea value={alertIds} onChange={(e) => setAlertIds(e.target.value)} rows={2} data-testid="case-alert-ids" />
        </label>
        <label>
          {t('complaintIds')}
          <textarea value={complaintIds} onChange={(e) => setComplaintIds(e.target.value)} rows={2} data-testid="case-complaint-ids" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="case-submit">{t('openCase')}</button>
      </form>
    </section>
  );
}
