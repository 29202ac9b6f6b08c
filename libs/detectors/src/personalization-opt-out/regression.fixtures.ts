/** Hand-made impressions for the same-user and multiple-testing regression tests (not used by detector code). */
import type { Impression } from '@fairmarket/contract';
import { mulberry32 } from '@fairmarket/stats';
import { HOUR, T0, impression, skuList } from './impression.fixtures';

/**
 * 60 hours of one query; each hour 6 users each ask twice and get the same random 10 of 30
 * items both times. Users' characteristics are random: results do not depend on them.
 */
export function stickySessions(personalized: boolean): Impression[] {
  const rand = mulberry32(7);
  const rows: Impression[] = [];
  let id = 0;
  for (let h = 0; h < 60; h++) {
    for (let u = 0; u < 6; u++) {
      const user = { device_os: rand() < 0.5 ? 'ios' : 'android', spend_90d: Math.floor(rand() * 10000), gender: rand() < 0.5 ? ('f' as const) : ('m' as const) };
      const items = Array.from({ length: 30 }, (_, i) => i)
        .sort(() => rand() - 0.5)
        .slice(0, 10)
        .map((s) => `s${s}`);
      for (let k = 0; k < 2; k++) {
        const row = impression({ request_id: `r${id++}`, tsMs: T0 + h * HOUR + (u * 2 + k) * 60_000, query: 'q', algorithm_id: 'a1', user, personalized, items });
        rows.push({ ...row, user_id: `u${h}-${u}` });
      }
    }
  }
  return rows;
}

/**
 * 30 cells (query, hour) of 8 users with all eight characteristics of the rule pack's
 * families; results follow device_os only (the other half of users see a list sharing 7 of
 * 10 items), and every other characteristic is balanced against device_os in each cell.
 */
export function deviceOnly(personalized: boolean): Impression[] {
  const rows: Impression[] = [];
  for (let c = 0; c < 30; c++) {
    const listA = skuList(`c${c}a`);
    const listB = [...listA.slice(0, 7), ...skuList(`c${c}b`, 3)];
    for (let i = 0; i < 8; i++) {
      const [b0, b1, b2] = [i % 2, (i >> 1) % 2, (i >> 2) % 2];
      const user = {
        device_os: b0 ? 'ios' : 'android',
        gender: b1 ? ('f' as const) : ('m' as const),
        new_user: b2 === 1,
        member_tier: b1 ? 'gold' : 'none',
        tenure_days: b1 ? 400 : 30,
        orders_90d: b2 ? 20 : 2,
        spend_90d: b1 ^ b2 ? 9000 : 500,
        age_band: b2 ? '25-34' : '35-44',
      };
      rows.push(
        impression({ request_id: `r${c}-${i}`, tsMs: T0 + c * HOUR + i * 60_000, query: `q${c}`, algorithm_id: 'a1', user, personalized, items: b0 ? listA : listB }),
      );
    }
  }
  return rows;
}
