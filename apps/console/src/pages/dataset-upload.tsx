import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { formatBytes } from '../lib/format';

/** Upload with byte progress; ingestion progress then comes from polling the dataset. */
export function DatasetUpload({ datasetId, onUploaded }: { datasetId: string; onUploaded: () => unknown }) {
  const { api, t, announce, fail } = useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const percent = sent && sent.total ? Math.round((sent.loaded / sent.total) * 100) : 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSent({ loaded: 0, total: files.reduce((n, f) => n + f.size, 0) });
    try {
      let lastAnnounced = -1;
      await api.upload(`/v1/datasets/${datasetId}/files`, files, (p) => {
        setSent(p);
        const pct = p.total ? Math.floor((p.loaded / p.total) * 10) * 10 : 0;
        // Every 10 %, not every event: a screen reader cannot keep up with more.
        if (pct !== lastAnnounced) {
          lastAnnounced = pct;
          announce('uploading', { percent: pct });
        }
      });
      announce('uploadDone');
      setFiles([]);
      await onUploaded();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="upload-heading" className="panel">
      <h2 id="upload-heading">{t('uploadFiles')}</h2>
      <form onSubmit={submit} className="stack">
        <label>
          {t('datasetFiles')}
          <input type="file" multiple required onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="upload-files" aria-describedby="upload-help" />
        </label>
        <p id="upload-help" className="muted">{t('uploadHelp')}</p>
        <button type="submit" className="primary" disabled={busy || files.length === 0} data-testid="upload-submit">{t('upload')}</button>
      </form>
      {sent && (
        <label className="progress-line">
          {t('uploadProgress', { sent: formatBytes(sent.loaded), total: formatBytes(sent.total) })}
          <progress max={100} value={percent} data-testid="upload-progress" data-percent={percent} />
          <span>{percent}%</span>
        </label>
      )}
    </section>
  );
}
