import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';
import { PARTY_ROLES } from '../lib/domain';
import type { CaseDetail } from './case-types';

export function CaseParties({ c, onChanged }: { c: CaseDetail; onChanged: () => unknown }) {
  const { api, t, tv } = useApp();
  const { busy, run } = useAction();
  const [role, setRole] = useState<string>(PARTY_ROLES[0]);
  const [name, setName] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.post(`/v1/cases/${c.id}/parties`, { role, name }), onChanged)) setName('');
  };
  return (
    <section aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('parties')}</h2>
      <ul data-testid="parties" className="plain">
        {c.parties.map((p) => (
          <li key={p.id} data-testid="party-item">
            <strong>{tv('party', p.role)}</strong>: {p.name}
            {p.detail && <span className="muted"> · {p.detail}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="stack">
        <label>
          {t('partyRole')}
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="party-role">
            {PARTY_ROLES.map((r) => (
              <option key={r} value={r}>{tv('party', r)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('partyName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} data-testid="party-name" />
        </label>
        <button type="submit" disabled={busy} data-testid="party-add">{t('addParty')}</button>
      </form>
    </section>
  );
}
