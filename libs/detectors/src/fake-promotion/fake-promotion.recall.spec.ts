import { formatRecallRows, scoreOnGeneratedData } from '../testing/recall-on-generated-data';
import { fakePromotionDetector } from './fake-promotion.detector';

/** Precision and recall on generated markets (seeds 1-3, scale 0.2) under both packs. */
describe('fake_promotion on generated markets', () => {
  it('finds the planted cases and nothing in the honest background', async () => {
    const rows = await scoreOnGeneratedData([fakePromotionDetector], 'fake_promotion');
    console.log(formatRecallRows('fake_promotion', rows));
    for (const row of rows) {
      expect({ fp: row.false_positives, missed: row.missed, infoMissed: row.info_missed }).toEqual({ fp: [], missed: [], infoMissed: [] });
      expect(row.tp).toBeGreaterThan(0);
      // Stricter than the scores: no finding at all (info included) on a look-alike or outside the planted cases,
      // and each planted case at the severity class its label expects.
      expect(row.unexpected).toEqual([]);
      expect(row.precision).toBeGreaterThanOrEqual(0.95);
      expect(row.recall).toBeGreaterThanOrEqual(0.95);
    }
  }, 360_000);
});
