import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';
import { CASE_STATUSES } from '../lib/domain';
import type { CaseDetail } from './case-types';

/** Moving the case; the API enforces who (handler or approver) may make each move and says why not. */
export function CaseTransition({ c, onChanged }: { c: CaseDetail; onChanged: () => unknown }) {
  const { api, t, tv } = useApp();
  const { busy, run } = useAction();
  const options = CASE_STATUSES.filter((s) => s !== c.status && s !== 'lead');
  const [to, setTo] = useState<string>(options[0] ?? '');
  const [decision, setDecision] = useState('');
  if (c.status === 'closed') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.post(`/v1/cases/${c.id}/transition`, { to, ...(decision ? { decision } : {}) }), onChanged);
  };
  return (
    <section aria-labelledby="case-move-heading" className="panel">
      <h2 id="case-move-heading">{t('moveCase')}</h2>
      <form onSubmit={submit} className="inline-form">
        <label>
          {t('moveTo')}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="case-transition-to">
            {options.map((s) => (
              <option key={s} value={s}>{tv('caseStatus', s)}</option>
            ))}
          </select>
        </label>
        {to === 'decided' && (
          <label className="grow">
            {t('decision')}
            <textarea value={decision} onChange={(e) => setDecision(e.target.value)} required rows={3} data-testid="case-decision" />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="case-transition-submit">{t('changeStatus')}</button>
      </form>
    </section>
  );
}
