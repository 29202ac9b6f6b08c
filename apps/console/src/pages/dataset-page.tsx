import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../components/app-context';
import { useLoad, usePoll } from '../components/use-load';
import { DatasetProgress } from './dataset-progress';
import { DatasetSubmit } from './dataset-submit';
import type { Dataset, IngestReport } from './dataset-types';
import { DatasetUpload } from './dataset-upload';
import { DetectionPanel } from './detection-panel';

/**
 * One self-audit: upload files (byte progress), follow their ingestion (polled), run the
 * detectors, read the findings, and submit the dataset to the regulator when satisfied.
 */
export function DatasetPage({ id }: { id: string }) {
  const { api, t, tv } = useApp();
  const { data: dataset, reload } = useLoad(() => api.get<Dataset>(`/v1/datasets/${id}`), [api, id]);
  const [report, setReport] = useState<IngestReport | null>(null);
  const refresh = useCallback(async () => {
    await reload();
    setReport(await api.get<IngestReport>(`/v1/datasets/${id}/report?limit=20`).catch(() => null));
  }, [api, id, reload]);
  useEffect(() => {
    api.get<IngestReport>(`/v1/datasets/${id}/report?limit=20`).then(setReport, () => setReport(null));
  }, [api, id]);
  const ingesting = dataset?.status === 'ingesting' || (dataset?.files ?? []).some((f) => f.status !== 'done' && f.status !== 'failed');
  usePoll(Boolean(ingesting), 1500, refresh);
  if (!dataset) return <p>{t('loading')}</p>;
  return (
    <article>
      <h1 data-testid="dataset-title">{dataset.name}</h1>
      <p>
        {t('status')}: <strong data-testid="dataset-status" data-status={dataset.status}>{tv('datasetStatus', dataset.status)}</strong> · {t('scope')}:{' '}
        <span data-testid="dataset-scope" data-scope={dataset.scope}>{tv('scope', dataset.scope)}</span> · {t('rulePack')}: {tv('pack', dataset.rule_pack)}
      </p>
      {dataset.scope === 'self_audit' && <DatasetUpload datasetId={id} onUploaded={refresh} />}
      <DatasetProgress files={dataset.files ?? []} report={report} />
      <DetectionPanel datasetId={id} ready={dataset.status === 'ready'} />
      {dataset.scope === 'self_audit' && <DatasetSubmit datasetId={id} ready={dataset.status === 'ready'} onSubmitted={refresh} />}
    </article>
  );
}
