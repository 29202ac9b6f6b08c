/**
 * The background's purpose: every registered detector, under both rule packs, raises no alert
 * on it (info findings such as exposure figures are allowed). When this fails, either the
 * background broke a rule or a detector misreads lawful behaviour: the message names both.
 */
import { DETECTORS, runDetectors } from '@fairmarket/detectors';
import { RULE_PACKS } from '@fairmarket/rules';
import type { MemorySource } from '../../detectors/src/testing/memory-source';
import { generateInMemory, toValidatedSource } from './in-memory';

describe('the honest background under the registered detectors', () => {
  let source: MemorySource;
  beforeAll(() => {
    source = toValidatedSource(generateInMemory(314, 0.1, { scenarios: [] }).raw, 'background-detectors-key');
  }, 60_000);

  it.each(['cn', 'eu'] as const)('raises no alert under the %s rule pack', async (pack) => {
    const findings = await runDetectors(DETECTORS, source, RULE_PACKS[pack]);
    const alerts = findings.filter((f) => f.severity !== 'info').map((f) => `${f.detector}/${f.kind ?? '-'} ${f.platform_id}: ${f.summary}`);
    expect(alerts).toEqual([]);
  }, 120_000);
});
