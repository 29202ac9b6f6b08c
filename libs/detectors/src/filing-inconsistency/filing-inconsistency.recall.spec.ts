import { formatRecallRows, scoreOnGeneratedData } from '../testing/recall-on-generated-data';
import { DETECTORS } from '../registry';
import { selectDetectors } from '../run-detectors';

describe('filing_inconsistency on generated data', () => {
  it('finds the planted cases and nothing else (seeds 1-3, cn and eu, scale 0.2)', async () => {
    // As a real run selects it: with price_discrimination and personalization_opt_out first,
    // whose alerts the filing checks read.
    const detectors = selectDetectors(DETECTORS, ['filing_inconsistency']);
    expect(detectors.map((d) => d.name)).toEqual(['price_discrimination', 'personalization_opt_out', 'filing_inconsistency']);
    const rows = await scoreOnGeneratedData(detectors, 'filing_inconsistency');
    console.log(formatRecallRows('filing_inconsistency', rows));
    for (const row of rows) {
      expect(row.tp).toBeGreaterThan(0);
      expect(row.precision).toBeGreaterThanOrEqual(0.95);
      expect(row.recall).toBeGreaterThanOrEqual(0.95);
    }
  }, 600_000);
});
