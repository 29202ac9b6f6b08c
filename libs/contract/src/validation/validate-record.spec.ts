import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_KINDS, type FileKind } from '../events';
import { validateRecord } from './validate-record';

const EXAMPLE_DIR = join(__dirname, '../../test-fixtures/example');
const options = { pseudonymize: (id: string) => `p(${id.length})` };

function examples(kind: FileKind): Record<string, unknown>[] {
  return readFileSync(join(EXAMPLE_DIR, `${kind}.ndjson`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const quote = (): Record<string, unknown> => structuredClone(examples('price_quotes')[1]);

function rejection(kind: FileKind, raw: unknown): { field: string; reason: string } {
  const result = validateRecord(kind, raw, options);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.record)}`);
  return { field: result.field, reason: result.reason };
}

describe('validateRecord: the spec examples', () => {
  it.each(FILE_KINDS.map((kind) => [kind]))('accepts every example line of %s', (kind) => {
    const lines = examples(kind);
    expect(lines.length).toBeGreaterThan(0);
    for (const raw of lines) {
      const result = validateRecord(kind, raw, options);
      expect(result).toMatchObject({ ok: true });
    }
  });

  it.each(FILE_KINDS.map((kind) => [kind]))('requires platform_id in %s', (kind) => {
    const raw = { ...examples(kind)[0] };
    delete raw.platform_id;
    expect(rejection(kind, raw)).toEqual({ field: 'platform_id', reason: 'platform_id: required' });
  });

  it('adds tsMs from ts with its offset', () => {
    const result = validateRecord('price_quotes', examples('price_quotes')[0], options);
    expect(result.ok && result.record.tsMs).toBe(Date.UTC(2026, 2, 1, 2, 15, 0));
  });

  it('adds the epoch milliseconds of promo_starts_at and countdown_ends_at on listings', () => {
    const result = validateRecord('listings', examples('listings')[1], options);
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.promo_starts_at_ms).toBe(Date.UTC(2026, 2, 7, 16, 0, 0));
    expect(result.record.countdown_ends_at_ms).toBe(Date.UTC(2026, 2, 8, 15, 59, 59));
    const plain = validateRecord('listings', examples('listings')[0], options);
    expect(plain.ok && 'promo_starts_at_ms' in plain.record).toBe(false);
  });

  it('replaces user_id by its pseudonym and leaves the input object alone', () => {
    const raw = quote();
    const result = validateRecord('price_quotes', raw, { pseudonymize: (id) => `u_${id.length}` });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.user_id).toBe('u_4');
    expect(JSON.stringify(result.record)).not.toContain('u-91');
    expect(raw.user_id).toBe('u-91');
    expect(raw).not.toHaveProperty('tsMs');
  });

  it('completes a line handed over (inPlace) in place, with the same result as a copy', () => {
    const copied = validateRecord('price_quotes', quote(), options);
    const raw = quote();
    const inPlace = validateRecord('price_quotes', raw, { ...options, inPlace: true });
    if (!inPlace.ok || !copied.ok) throw new Error('rejected');
    expect(inPlace.record).toBe(raw);
    expect(inPlace.record).toEqual(copied.record);
    expect(raw.user_id).toBe('p(4)');
  });

  it('pseudonymizes the optional user_id of orders and impressions, and accepts orders without one', () => {
    const order = validateRecord('orders', examples('orders')[0], options);
    expect(order.ok && order.record.user_id).toBe('p(4)');
    const impression = validateRecord('impressions', examples('impressions')[0], options);
    expect(impression.ok && impression.record.user_id).toBe('p(4)');
    const anonymous = { ...examples('orders')[0] };
    delete anonymous.user_id;
    expect(validateRecord('orders', anonymous, options)).toMatchObject({ ok: true });
  });

  it('keeps unknown fields, at the top and inside user', () => {
    const raw = { ...quote(), audit_note: 'kept', user: { device_os: 'ios', loyalty_score: 7 } };
    const result = validateRecord('price_quotes', raw, options);
    if (!result.ok) throw new Error(result.reason);
    expect((result.record as unknown as Record<string, unknown>).audit_note).toBe('kept');
    expect(result.record.user.loyalty_score).toBe(7);
  });
});

describe('validateRecord: one precise reason per rejected record', () => {
  it.each<[string, (q: Record<string, unknown>) => void, string, string]>([
    ['a missing field', (q) => delete q.user_id, 'user_id', 'user_id: required'],
    ['a string price', (q) => (q.price = '27900'), 'price', 'price: must be an integer >= 0'],
    ['a negative price', (q) => (q.price = -1), 'price', 'price: must be an integer >= 0'],
    ['float money', (q) => (q.final_price = 259.5), 'final_price', 'final_price: must be an integer >= 0'],
    ['money beyond 2^53', (q) => (q.list_price = 2 ** 60), 'list_price', 'list_price: must be at most 9007199254740991'],
    ['a timestamp without offset', (q) => (q.ts = '2026-03-01T10:00:00'), 'ts', 'ts: must be an RFC 3339 timestamp with offset'],
    ['an impossible timestamp', (q) => (q.ts = '2026-02-30T10:00:00+08:00'), 'ts', 'ts: must be an RFC 3339 timestamp with offset'],
    ['a timestamp that is not a string', (q) => (q.ts = 1772331300000), 'ts', 'ts: must be an RFC 3339 timestamp with offset'],
    ['bad id characters', (q) => (q.quote_id = 'q 1/2'), 'quote_id', 'quote_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -'],
    ['a 129-character id', (q) => (q.sku_id = 's'.repeat(129)), 'sku_id', 'sku_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -'],
    ['an empty id', (q) => (q.merchant_id = ''), 'merchant_id', 'merchant_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -'],
    ['a lower-case currency', (q) => (q.currency = 'cny'), 'currency', 'currency: must be an ISO 4217 currency code of three capital letters'],
    ['a wrong trait type', (q) => ((q.user as Record<string, unknown>).tenure_days = 'long'), 'user.tenure_days', 'user.tenure_days: must be an integer >= 0'],
    ['an unknown gender code', (q) => ((q.user as Record<string, unknown>).gender = 'x'), 'user.gender', 'user.gender: must be one of f, m, u'],
    ['user that is not an object', (q) => (q.user = 'ios'), 'user', 'user: must be an object'],
    ['a coupon scope out of the list', (q) => ((q.coupons as Record<string, unknown>[])[0].scope = 'vip'), 'coupons.0.scope', 'coupons.0.scope: must be one of public, new_user, member, targeted'],
    ['a coupon without amount', (q) => delete (q.coupons as Record<string, unknown>[])[0].amount, 'coupons.0.amount', 'coupons.0.amount: required'],
    ['coupons that are not an array', (q) => (q.coupons = {}), 'coupons', 'coupons: must be an array of {coupon_id, amount, scope, disclosed}'],
    ['an experiment without arm', (q) => (q.experiment = { experiment_id: 'e1' }), 'experiment.arm', 'experiment.arm: required'],
  ])('rejects %s', (_why, mutate, field, reason) => {
    const raw = quote();
    mutate(raw);
    expect(rejection('price_quotes', raw)).toEqual({ field, reason });
  });

  it('accepts an id of exactly 128 characters from the whole alphabet', () => {
    const raw = { ...quote(), quote_id: 'Az09._:-'.repeat(16) };
    expect(validateRecord('price_quotes', raw, options)).toMatchObject({ ok: true });
  });

  it('names a missing required field before any wrong value', () => {
    const raw = quote();
    raw.price = -5;
    raw.ts = 'yesterday';
    delete raw.currency;
    expect(rejection('price_quotes', raw)).toEqual({ field: 'currency', reason: 'currency: required' });
  });

  it('names a missing nested field before a wrong value earlier in the record', () => {
    const raw = quote();
    raw.price = -5;
    delete (raw.coupons as Record<string, unknown>[])[0].scope;
    expect(rejection('price_quotes', raw)).toEqual({ field: 'coupons.0.scope', reason: 'coupons.0.scope: required' });
  });

  it('rejects a value that is not an object', () => {
    expect(rejection('merchants', [1, 2])).toEqual({ field: '', reason: 'must be a JSON object' });
    expect(rejection('merchants', null)).toEqual({ field: '', reason: 'must be a JSON object' });
  });

  it('lists the allowed values of an enum', () => {
    const raw = { ...examples('merchants')[0], kind: 'franchise' };
    expect(rejection('merchants', raw).reason).toBe('kind: must be one of self_operated, third_party');
  });

  it('accepts every merchant event type of the spec and nothing else', () => {
    const raw = examples('merchant_events')[1];
    for (const type of ['traffic_penalty', 'closed_rival_store', 'campaign_joined']) {
      expect(validateRecord('merchant_events', { ...raw, type }, options)).toMatchObject({ ok: true });
    }
    expect(rejection('merchant_events', { ...raw, type: 'praise' }).field).toBe('type');
  });

  it('checks impression items by position', () => {
    const raw = structuredClone(examples('impressions')[0]);
    const items = raw.items as Record<string, unknown>[];
    items.push({ rank: 0, sku_id: 's9', merchant_id: 'm1', sponsored: false });
    expect(rejection('impressions', raw)).toEqual({ field: 'items.2.rank', reason: 'items.2.rank: must be an integer >= 1' });
    items[2] = { rank: 3, sku_id: 's9', merchant_id: 'm1', sponsored: 'yes' };
    expect(rejection('impressions', raw).reason).toBe('items.2.sponsored: must be true or false');
    items[2] = { rank: 3, merchant_id: 'm1' };
    expect(rejection('impressions', raw).reason).toBe('items.2.sku_id: required');
  });

  it('checks order quantity, sku rating and dates that exist', () => {
    expect(rejection('orders', { ...examples('orders')[0], quantity: 0 }).reason).toBe('quantity: must be an integer >= 1');
    expect(rejection('skus', { ...examples('skus')[0], rating: 5.1 }).reason).toBe('rating: must be a number from 0 to 5');
    expect(validateRecord('skus', { ...examples('skus')[0], rating: 0 }, options)).toMatchObject({ ok: true });
    expect(rejection('costs', { ...examples('costs')[0], valid_from: '2026-02-29' }).reason).toBe(
      'valid_from: must be an existing date YYYY-MM-DD',
    );
    expect(validateRecord('costs', { ...examples('costs')[0], valid_from: '2028-02-29' }, options)).toMatchObject({ ok: true });
    expect(rejection('costs', { ...examples('costs')[0], valid_to: '2026/03/01' }).field).toBe('valid_to');
  });

  it('needs a document text or path, not both', () => {
    const raw = { ...examples('documents')[0] };
    delete raw.text;
    expect(rejection('documents', raw)).toEqual({ field: 'text', reason: 'text: required (or path to a file of the dataset)' });
    expect(validateRecord('documents', { ...raw, path: 'texts/d1.txt' }, options)).toMatchObject({ ok: true });
    expect(rejection('documents', { ...raw, path: 'a.txt', text: 'x' }).field).toBe('path');
    // A missing required field still comes first.
    const noLanguage = { ...raw };
    delete noLanguage.language;
    expect(rejection('documents', noLanguage).field).toBe('language');
  });

  it('requires declared_features and the two declarations of algorithms', () => {
    const raw = { ...examples('algorithms')[0] };
    delete raw.personal_pricing;
    expect(rejection('algorithms', raw).reason).toBe('personal_pricing: required');
    expect(rejection('algorithms', { ...examples('algorithms')[0], declared_features: [1] }).reason).toBe(
      'declared_features.0: must be a string',
    );
  });
});
