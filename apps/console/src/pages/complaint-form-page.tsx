import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { navigate } from '../components/router';
import { useAction } from '../components/use-action';
import { COMPLAINT_CATEGORIES } from '../lib/domain';
import { toRfc3339 } from '../lib/local-time';
import { EMPTY_OBSERVED, ObservedPrices, type ObservedRow } from './observed-prices';

/** A consumer group's structured complaint: what, where, the price seen and when, and screenshots. */
export function ComplaintFormPage() {
  const { api, t, tv, announce } = useApp();
  const [platform, setPlatform] = useState('');
  const [sku, setSku] = useState('');
  const [url, setUrl] = useState('');
  const [category, setCategory] = useState<string>(COMPLAINT_CATEGORIES[0]);
  const [observed, setObserved] = useState<ObservedRow[]>([EMPTY_OBSERVED]);
  const [narrative, setNarrative] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { busy, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let created = { id: '', ref: '' };
    void run(
      async () => {
        const prices = observed
          .filter((o) => o.price && o.seenAt)
          .map((o) => ({ price_minor: Math.round(Number(o.price) * 100), currency: o.currency, seen_at: toRfc3339(o.seenAt), ...(o.note ? { note: o.note } : {}) }));
        created = await api.post<{ id: string; ref: string }>('/v1/complaints', {
          platform_id: platform.trim(),
          ...(sku.trim() ? { sku_id: sku.trim() } : {}),
          ...(url.trim() ? { page_url: url.trim() } : {}),
          category,
          observed: prices,
          narrative,
        });
        if (files.length > 0) {
          await api.upload(`/v1/complaints/${created.id}/attachments`, files, (p) => announce('uploading', { percent: p.total ? Math.round((p.loaded / p.total) * 100) : 0 }));
        }
      },
      () => navigate(`/console/complaints/${created.id}`),
      () => ({ key: 'complaintSubmitted', vars: { ref: created.ref } }),
    );
  };

  return (
    <section className="narrow">
      <h1>{t('newComplaint')}</h1>
      <form onSubmit={submit} className="stack" data-testid="complaint-form">
        <label>
          {t('platformId')}
          <input value={platform} onChange={(e) => setPlatform(e.target.value)} required pattern="[A-Za-z0-9._:\-]{1,128}" data-testid="complaint-platform" />
        </label>
        <label>
          {t('skuId')}
          <input value={sku} onChange={(e) => setSku(e.target.value)} aria-describedby="sku-help" data-testid="complaint-sku" />
        </label>
        <label>
          {t('pageUrl')}
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby="sku-help" data-testid="complaint-url" />
        </label>
        <p id="sku-help" className="muted">{t('skuOrUrlHelp')}</p>
        <label>
          {t('category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="complaint-category">
            {COMPLAINT_CATEGORIES.map((c) => (
              <option key={c} value={c}>{tv('category', c)}</option>
            ))}
          </select>
        </label>
        <ObservedPrices rows={observed} onChange={setObserved} />
        <label>
          {t('narrative')}
          <textarea value={narrative} onChange={(e) => setNarrative(e.target.value)} required minLength={10} rows={5} data-testid="complaint-narrative-input" />
        </label>
        <label>
          {t('attachmentsHelp')}
          <input type="file" multiple accept="image/png,image/jpeg,image/webp,application/pdf" onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="complaint-files" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="complaint-submit">{t('submitComplaint')}</button>
      </form>
    </section>
  );
}
