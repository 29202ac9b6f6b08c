import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../components/app-context';
import { usePoll } from '../components/use-load';
import type { DetectionRun } from './dataset-types';
import { FindingsView, type FindingsDocument } from './findings-view';

/** Detection starts by itself when a dataset is ready; this runs it again on demand and shows the outcome. */
export function DetectionPanel({ datasetId, ready }: { datasetId: string; ready: boolean }) {
  const { api, t, tv, announce, fail } = useApp();
  const [run, setRun] = useState<DetectionRun | null>(null);
  const [doc, setDoc] = useState<FindingsDocument | null>(null);
  const loadFindings = useCallback(async () => {
    // No finished run yet is a normal state here, not an error to show.
    setDoc(await api.get<FindingsDocument>(`/v1/datasets/${datasetId}/findings`).catch(() => null));
  }, [api, datasetId]);
  useEffect(() => {
    if (ready) void loadFindings();
  }, [ready, loadFindings]);

  const start = async () => {
    try {
      setRun(await api.post<DetectionRun>(`/v1/datasets/${datasetId}/detections`, {}));
      announce('detectionQueued');
    } catch (error) {
      fail(error);
    }
  };
  const poll = useCallback(async () => {
    if (!run) return;
    const next = await api.get<DetectionRun>(`/v1/datasets/${datasetId}/detections/${run.id}`).catch(fail);
    if (!next) return;
    setRun(next);
    if (next.status === 'done') {
      announce('detectionDone', { n: next.findings_count ?? 0 });
      await loadFindings();
    }
  }, [api, datasetId, run, fail, announce, t, loadFindings]);
  const active = run?.status === 'queued' || run?.status === 'running';
  usePoll(active, 1500, poll);

  return (
    <section aria-labelledby="detect-heading" className="panel">
      <h2 id="detect-heading">{t('detection')}</h2>
      <button type="button" className="primary" onClick={start} disabled={!ready || active} data-testid="detect-run">
        {t('runDetection')}
      </button>
      {!ready && <span className="muted"> {t('detectWhenReady')}</span>}
      {run && (
        <p data-testid="detect-status" data-state={run.status}>
          {tv('job', run.status)}
          {run.error && <span className="danger-text"> {run.error}</span>}
        </p>
      )}
      {doc && <FindingsView doc={doc} />}
    </section>
  );
}
