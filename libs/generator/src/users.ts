/**
 * Consumers of one platform, with characteristics correlated as in life: a latent
 * affluence drives spending, spending drives order counts, membership and the odds of an
 * iPhone; tenure decides who is a new user. Gender, age band and region are drawn
 * independently of affluence, which is what lets the background algorithms personalise on
 * them without appearing to use undeclared spending characteristics.
 */
import type { GeneratedUser } from './scenario';
import type { SeededRng } from './rng';

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const;
const AGE_WEIGHTS = [0.18, 0.34, 0.26, 0.14, 0.08];

/** Province-level administrative codes, roughly by online population. */
export const REGIONS = [
  '440000', '310000', '110000', '330000', '320000', '510000',
  '420000', '370000', '610000', '230000', '650000', '540000',
] as const;
const REGION_WEIGHTS = [16, 12, 10, 11, 10, 8, 7, 8, 5, 5, 2, 1];

const NEW_USER_TENURE_DAYS = 30;

export interface MarketUser extends GeneratedUser {
  /** How often this user browses, relative to others (engaged buyers browse more). */
  activity: number;
  /** Has switched personalised recommendations off. */
  optsOut: boolean;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function generateUser(rng: SeededRng, userId: string): MarketUser {
  const isNew = rng.bool(0.12);
  const tenure = isNew ? rng.int(0, NEW_USER_TENURE_DAYS - 1) : Math.min(4000, Math.max(NEW_USER_TENURE_DAYS, Math.round(rng.lognormal(Math.log(500), 0.8))));
  const affluence = rng.normal();
  // A new user has had at most `tenure` days to spend in the last 90.
  const exposure = Math.min(90, tenure + 1) / 90;
  const neverBought = isNew && rng.bool(0.4);
  const spend = neverBought ? 0 : Math.max(100, Math.round(rng.lognormal(Math.log(60_000), 0.7) * Math.exp(0.8 * affluence) * exposure));
  const orderValue = rng.lognormal(Math.log(12_000), 0.4);
  const orders = spend === 0 ? 0 : Math.max(1, Math.round(spend / orderValue));

  const pSvip = sigmoid(1.6 * affluence - 3.2) * (isNew ? 0.3 : 1);
  const pPlus = sigmoid(1.2 * affluence - 0.6) * (isNew ? 0.3 : 1);
  const memberDraw = rng.next();
  const memberTier = memberDraw < pSvip ? 'svip' : memberDraw < pSvip + (1 - pSvip) * pPlus ? 'plus' : 'none';

  const deviceOs = rng.bool(sigmoid(-0.9 + 1.3 * affluence)) ? 'ios' : (['android', 'harmony', 'web'] as const)[rng.weighted([0.6, 0.28, 0.12])];
  const channel = deviceOs === 'web' ? 'web' : rng.bool(0.78) ? 'app' : 'mini_program';
  const gender = (['f', 'm', 'u'] as const)[rng.weighted([0.53, 0.44, 0.03])];

  return {
    user_id: userId,
    traits: {
      new_user: tenure < NEW_USER_TENURE_DAYS,
      tenure_days: tenure,
      orders_90d: orders,
      spend_90d: spend,
      member_tier: memberTier,
      device_os: deviceOs,
      region: REGIONS[rng.weighted(REGION_WEIGHTS)],
      channel,
      gender,
      age_band: AGE_BANDS[rng.weighted(AGE_WEIGHTS)],
    },
    activity: 0.6 + Math.log1p(orders) * 0.4,
    optsOut: rng.bool(0.25),
  };
}

/** The user count of a platform at a given scale: ~2000 per unit of scale, at least 200. */
export function userCount(scale: number): number {
  return Math.max(200, Math.round(2000 * scale));
}

export function generateUsers(rng: SeededRng, count: number, nextId: () => string): MarketUser[] {
  const users: MarketUser[] = [];
  for (let i = 0; i < count; i++) users.push(generateUser(rng, nextId()));
  return users;
}
