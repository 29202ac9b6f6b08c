/**
 * Precision and recall of price_discrimination on generated datasets (the honest background
 * plus every scenario's planted cases), seeds 1-3, both rule packs, at scale 0.2.
 */
import { formatRecallRows, scoreOnGeneratedData } from '../testing/recall-on-generated-data';
import { priceDiscriminationDetector } from './price-discrimination.detector';

describe('price_discrimination on generated data (scale 0.2)', () => {
  it('precision and recall >= 0.95 under both packs, seeds 1-3', async () => {
    const rows = await scoreOnGeneratedData([priceDiscriminationDetector], 'price_discrimination');
    console.log(formatRecallRows('price_discrimination', rows));
    for (const row of rows) {
      expect(row.tp).toBeGreaterThan(0);
      expect(row.precision).toBeGreaterThanOrEqual(0.95);
      expect(row.recall).toBeGreaterThanOrEqual(0.95);
      expect(row.info_matched).toBe(row.info_labels);
    }
  }, 360_000);
});
