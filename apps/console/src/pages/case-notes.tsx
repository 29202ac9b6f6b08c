import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';

/** Notes go on the case timeline (below), where they stay with everything else that happened. */
export function CaseNotes({ caseId, onChanged }: { caseId: string; onChanged: () => unknown }) {
  const { api, t } = useApp();
  const { busy, run } = useAction();
  const [text, setText] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.post(`/v1/cases/${caseId}/notes`, { text }), onChanged)) setText('');
  };
  return (
    <section aria-labelledby="notes-heading" data-testid="notes">
      <h2 id="notes-heading">{t('notes')}</h2>
      <form onSubmit={add} className="stack">
        <label>
          {t('noteText')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={3} data-testid="note-text" />
        </label>
        <button type="submit" disabled={busy} data-testid="note-add">{t('addNote')}</button>
      </form>
    </section>
  );
}
