import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';
import type { AlertDetail } from './alert-types';

/** The platform's rectification note, answering a regulator's notification. */
export function PlatformResponse({ alert, onChanged }: { alert: AlertDetail; onChanged: () => unknown }) {
  const { api, t } = useApp();
  const { busy, run } = useAction();
  const [note, setNote] = useState(alert.response_note ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post(`/v1/alerts/${alert.id}/response`, { note });
      if (files.length > 0) await api.upload(`/v1/alerts/${alert.id}/evidence`, files, () => undefined);
      setFiles([]);
    }, onChanged);
  };
  return (
    <section aria-labelledby="response-heading" className="panel">
      <h2 id="response-heading">{t('platformResponse')}</h2>
      <form onSubmit={submit} className="stack">
        <label>
          {t('responseNote')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} required rows={4} data-testid="response-note" />
        </label>
        <label>
          {t('attachmentsHelp')}
          <input type="file" multiple accept="image/png,image/jpeg,image/webp,application/pdf" onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="response-files" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="response-submit">{t('sendResponse')}</button>
      </form>
    </section>
  );
}
