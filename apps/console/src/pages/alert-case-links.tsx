import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { navigate } from '../components/router';
import { useAction } from '../components/use-action';

/** Open a new case from this alert, or merge it into an existing case of the same platform. */
export function AlertCaseLinks({ alertId }: { alertId: string }) {
  const { api, t } = useApp();
  const { busy, run } = useAction();
  const [caseId, setCaseId] = useState('');
  const merge = (e: FormEvent) => {
    e.preventDefault();
    const id = caseId.trim();
    void run(() => api.post(`/v1/cases/${id}/alerts`, { alert_ids: [alertId] }), () => navigate(`/console/cases/${id}`));
  };
  return (
    <section aria-labelledby="case-heading" className="panel">
      <h2 id="case-heading">{t('case')}</h2>
      <p>
        <Link href={`/console/cases/new?alert_ids=${alertId}`} className="button-link" data-testid="open-case">{t('openCase')}</Link>
      </p>
      <form onSubmit={merge} className="inline-form">
        <label>
          {t('addToCaseId')}
          <input value={caseId} onChange={(e) => setCaseId(e.target.value)} required pattern="[0-9a-fA-F-]{36}" data-testid="add-to-case-id" />
        </label>
        <button type="submit" disabled={busy} data-testid="add-to-case-submit">{t('addToCase')}</button>
      </form>
    </section>
  );
}
