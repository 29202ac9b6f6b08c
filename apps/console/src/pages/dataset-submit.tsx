import { useState } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';

/** Submitting hands the dataset to the regulator for good, so it takes a second, explicit confirmation. */
export function DatasetSubmit({ datasetId, ready, onSubmitted }: { datasetId: string; ready: boolean; onSubmitted: () => unknown }) {
  const { api, t } = useApp();
  const { busy, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="submit-heading" className="panel">
      <h2 id="submit-heading">{t('submitToRegulator')}</h2>
      <p className="muted">{t('submitHelp')}</p>
      {!confirming ? (
        <button type="button" disabled={!ready} onClick={() => setConfirming(true)} data-testid="dataset-submit">
          {t('submitDataset')}
        </button>
      ) : (
        <div role="group" aria-label={t('confirmSubmit')} className="button-row">
          <span>{t('confirmSubmit')}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => run(() => api.post(`/v1/datasets/${datasetId}/submit`), onSubmitted)} data-testid="dataset-submit-confirm">
            {t('yesSubmit')}
          </button>
          <button type="button" onClick={() => setConfirming(false)} data-testid="dataset-submit-cancel">{t('cancel')}</button>
        </div>
      )}
    </section>
  );
}
