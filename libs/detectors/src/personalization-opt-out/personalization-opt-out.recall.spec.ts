import { personalizationOptOutDetector } from './index';
import { formatRecallRows, scoreOnGeneratedData } from '../testing/recall-on-generated-data';

describe('personalization_opt_out on generated data', () => {
  it('finds the planted cases and nothing else (seeds 1-3, cn and eu, scale 0.2)', async () => {
    const rows = await scoreOnGeneratedData([personalizationOptOutDetector], 'personalization_opt_out');
    console.log(formatRecallRows('personalization_opt_out', rows));
    for (const row of rows) {
      expect(row.tp).toBeGreaterThan(0);
      expect(row.precision).toBeGreaterThanOrEqual(0.95);
      expect(row.recall).toBeGreaterThanOrEqual(0.95);
    }
  }, 600_000);
});
