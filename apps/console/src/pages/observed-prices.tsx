import { useApp } from '../components/app-context';

export interface ObservedRow {
  price: string;
  currency: string;
  seenAt: string;
  note: string;
}

export const EMPTY_OBSERVED: ObservedRow = { price: '', currency: 'CNY', seenAt: '', note: '' };

/**
 * Prices seen, one row each: a price-discrimination complaint is usually two prices for the
 * same product at the same time (a member and a new account), so more rows can be added.
 */
export function ObservedPrices({ rows, onChange }: { rows: ObservedRow[]; onChange: (rows: ObservedRow[]) => void }) {
  const { t } = useApp();
  const set = (i: number, patch: Partial<ObservedRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>{t('observedPrice')}</legend>
      {rows.map((r, i) => (
        <div key={i} className="inline-form" role="group" aria-label={t('observedRow', { n: i + 1 })}>
          <label>
            {t('priceYuan')}
            <input type="number" min="0" step="0.01" inputMode="decimal" value={r.price} onChange={(e) => set(i, { price: e.target.value })} data-testid={i === 0 ? 'observed-price' : undefined} />
          </label>
          <label>
            {t('currency')}
            <input value={r.currency} onChange={(e) => set(i, { currency: e.target.value.toUpperCase() })} pattern="[A-Z]{3}" maxLength={3} size={4} data-testid={i === 0 ? 'observed-currency' : undefined} />
          </label>
          <label>
            {t('seenAt')}
            <input type="datetime-local" value={r.seenAt} onChange={(e) => set(i, { seenAt: e.target.value })} required={Boolean(r.price)} data-testid={i === 0 ? 'observed-at' : undefined} />
          </label>
          <label className="grow">
            {t('observedNote')}
            <input value={r.note} onChange={(e) => set(i, { note: e.target.value })} maxLength={500} data-testid={i === 0 ? 'observed-note' : undefined} />
          </label>
          {i > 0 && (
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} data-testid="observed-remove">
              {t('remove')}
            </button>
          )}
        </div>
      ))}
      {rows.length < 50 && (
        <button type="button" onClick={() => onChange([...rows, { ...EMPTY_OBSERVED, currency: rows[rows.length - 1]?.currency ?? 'CNY' }])} data-testid="observed-add">
          {t('addObserved')}
        </button>
      )}
    </fieldset>
  );
}
