import { CN_RULE_PACK } from '@fairmarket/rules';
import { attributeSpecs } from './characteristics';
import { ExperimentTally } from './experiment-tally';
import { makeUsers, quote, T0, type TestUser } from './testing/quote-market';

const rules = CN_RULE_PACK.price_discrimination;
const attributes = attributeSpecs(rules);
const users = makeUsers(2000, 21);

function tally(armOf: (u: TestUser, k: number) => string, quotesPerUser = 1): ExperimentTally {
  const t = new ExperimentTally('exp', attributes);
  for (const u of users) {
    for (let k = 0; k < quotesPerUser; k++) {
      const arm = armOf(u, k);
      t.add(quote({ merchant: 'm', sku: 's', tsMs: T0, user: u, offer: { price: 100, experiment: { experiment_id: 'exp', arm } } }), arm);
    }
  }
  return t;
}

const byHash = (u: TestUser) => ((Number(u.id.slice(1)) * 2654435761) >>> 0) % 3 === 0 ? 'B' : 'A';

describe('ExperimentTally', () => {
  it('finds a randomised experiment independent of every characteristic', () => {
    const verdict = tally(byHash).verdict(rules.experiment_independence_p);
    expect(verdict).toMatchObject({ experiment_id: 'exp', arms: ['A', 'B'], users: 2000, independent: true, follows: [] });
  });

  it('finds arms that follow device_os dependent, and names the characteristic', () => {
    const verdict = tally((u) => (u.traits.device_os === 'ios' ? 'B' : 'A')).verdict(rules.experiment_independence_p);
    expect(verdict.independent).toBe(false);
    const device = verdict.follows.find((f) => f.attribute === 'device_os');
    expect(device).toMatchObject({ df: 3 });
    expect(device!.p).toBeLessThan(1e-10);
  });

  it('finds arms that follow a numeric characteristic (spend) dependent', () => {
    const verdict = tally((u) => ((u.traits.spend_90d as number) > 120_000 ? 'B' : 'A')).verdict(rules.experiment_independence_p);
    expect(verdict.follows.map((f) => f.attribute)).toEqual(expect.arrayContaining(['spend_90d']));
  });

  it('counts a user once per arm: repeated quotes do not turn chance imbalance into dependence', () => {
    const once = tally(byHash).verdict(rules.experiment_independence_p);
    const often = tally(byHash, 25).verdict(rules.experiment_independence_p);
    expect(often).toEqual(once);
  });
});
