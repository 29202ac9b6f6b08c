import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../components/app-context';
import { usePoll } from '../components/use-load';
import { dossierPercent, dossierPhase } from '../lib/dossier-progress';

interface DossierStatus {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: unknown;
  error: string | null;
}

/**
 * Builds the case's signed dossier as a queued job: request, follow its progress, then offer
 * the ZIP. The download needs the bearer token, so it is fetched and handed over as a blob URL.
 */
export function DossierPanel({ caseId }: { caseId: string }) {
  const { api, t, tv, announce, fail } = useApp();
  const [dossier, setDossier] = useState<DossierStatus | null>(null);
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const base = `/v1/cases/${caseId}/dossiers`;

  const request = async () => {
    try {
      setFile(null);
      setDossier(await api.post<DossierStatus>(base));
      announce('dossierQueued');
    } catch (error) {
      fail(error);
    }
  };

  const poll = useCallback(async () => {
    if (!dossier) return;
    try {
      const next = await api.get<DossierStatus>(`${base}/${dossier.id}`);
      setDossier(next);
      if (next.status === 'done') announce('dossierReady');
      if (next.status === 'failed') announce('dossierFailed');
    } catch (error) {
      fail(error);
    }
  }, [api, base, dossier, announce, fail, t]);
  const active = dossier?.status === 'queued' || dossier?.status === 'running';
  usePoll(active, 1000, poll);

  useEffect(() => {
    if (dossier?.status !== 'done' || file) return;
    api.blobUrl(`${base}/${dossier.id}/download`).then((b) => setFile({ url: b.url, name: b.fileName ?? `dossier-${dossier.id}.zip` }), fail);
  }, [api, base, dossier, file, fail]);
  useEffect(() => () => { if (file) URL.revokeObjectURL(file.url); }, [file]);

  const percent = dossier ? dossierPercent(dossier) : null;
  const phase = dossier ? dossierPhase(dossier.progress) : null;
  return (
    <section aria-labelledby="dossier-heading" className="panel">
      <h2 id="dossier-heading">{t('dossier')}</h2>
      <p className="muted">{t('dossierHelp')}</p>
      <button type="button" className="primary" onClick={request} disabled={active} data-testid="dossier-generate">
        {t('generateDossier')}
      </button>
      {dossier && (
        <div data-testid="dossier-progress" data-state={dossier.status} className="progress-line">
          <label>
            {tv('job', dossier.status)}
            {phase && dossier.status !== 'done' && phase !== dossier.status && ` · ${tv('phase', phase)}`}
            <progress max={100} value={percent ?? undefined} aria-valuetext={percent === null ? t('working') : `${percent}%`} />
          </label>
          <span>{percent === null ? '' : `${percent}%`}</span>
          {dossier.error && <span className="danger-text"> {dossier.error}</span>}
        </div>
      )}
      {file && (
        <p>
          <a href={file.url} download={file.name} data-testid="dossier-download">
            {t('downloadDossier', { name: file.name })}
          </a>
        </p>
      )}
    </section>
  );
}
