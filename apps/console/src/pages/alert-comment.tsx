import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';

export function AlertComment({ alertId, onChanged }: { alertId: string; onChanged: () => unknown }) {
  const { api, t } = useApp();
  const { busy, run } = useAction();
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.post(`/v1/alerts/${alertId}/comments`, { text, shared }), onChanged)) setText('');
  };
  return (
    <section aria-labelledby="comment-heading" className="panel">
      <h2 id="comment-heading">{t('comment')}</h2>
      <form onSubmit={submit} className="stack">
        <label>
          {t('commentText')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={3} data-testid="comment-text" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="comment-shared" />
          {t('commentShared')}
        </label>
        <button type="submit" disabled={busy} data-testid="comment-submit">{t('addComment')}</button>
      </form>
    </section>
  );
}
