/**
 * The JSON schemas of the ten dataset files of shared/spec/events.md. They are plain data
 * (exported for API documentation) and compiled once per kind by `validateRecord`.
 * Property order matters: with one error reported per line, the first property that fails
 * in this order is the one named; required fields are always checked before any property.
 */
import {
  ALGORITHM_TYPES,
  COST_SOURCES,
  COUPON_SCOPES,
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  GENDERS,
  MERCHANT_EVENT_TYPES,
  MERCHANT_KINDS,
  MERCHANT_SIZES,
  PROMO_TYPES,
  REFERENCE_KINDS,
  type FileKind,
} from '../events';
import {
  arrayOf,
  bool,
  currency,
  date,
  id,
  integer,
  money,
  object,
  oneOf,
  record,
  text,
  timestamp,
  type ObjectSchema,
} from './schema-parts';

/** The `user` object of price_quotes and impressions: known traits are typed, unknown ones kept. */
const userTraits = (): ObjectSchema =>
  object(
    {
      new_user: bool(),
      tenure_days: integer(0),
      orders_90d: integer(0),
      spend_90d: money(),
      member_tier: text(),
      device_os: text(),
      region: text(),
      channel: text(),
      gender: oneOf(GENDERS),
      age_band: text(),
    },
    [],
  );

const coupon = (): ObjectSchema =>
  object(
    { coupon_id: id(), amount: money(), scope: oneOf(COUPON_SCOPES), disclosed: bool() },
    ['coupon_id', 'amount', 'scope', 'disclosed'],
  );

const impressionItem = (): ObjectSchema =>
  object({ rank: integer(1), sku_id: id(), merchant_id: id(), sponsored: bool() }, ['rank', 'sku_id', 'merchant_id']);

export const EVENT_SCHEMAS: Readonly<Record<FileKind, ObjectSchema>> = {
  merchants: record(
    {
      merchant_id: id(),
      name: text(),
      kind: oneOf(MERCHANT_KINDS),
      size: oneOf(MERCHANT_SIZES),
      registered_at: date(),
    },
    ['merchant_id', 'kind'],
  ),

  skus: record(
    {
      sku_id: id(),
      merchant_id: id(),
      category: text(),
      title: text(),
      own_brand: bool(),
      rating: { type: 'number', minimum: 0, maximum: 5, reason: 'must be a number from 0 to 5' },
      perishable: bool(),
      expiry_date: date(),
      season_end: date(),
      launch_date: date(),
      clearance_from: date(),
    },
    ['sku_id', 'merchant_id', 'category'],
  ),

  price_quotes: record(
    {
      quote_id: id(),
      ts: timestamp(),
      sku_id: id(),
      merchant_id: id(),
      user_id: id(),
      user: userTraits(),
      list_price: money(),
      price: money(),
      coupons: arrayOf(coupon(), 'must be an array of {coupon_id, amount, scope, disclosed}'),
      final_price: money(),
      shipping_fee: money(),
      experiment: object({ experiment_id: id(), arm: text() }, ['experiment_id', 'arm']),
      currency: currency(),
    },
    ['quote_id', 'ts', 'sku_id', 'merchant_id', 'user_id', 'user', 'list_price', 'price', 'final_price', 'currency'],
  ),

  orders: record(
    {
      order_id: id(),
      ts: timestamp(),
      sku_id: id(),
      merchant_id: id(),
      user_id: id(),
      quantity: integer(1),
      unit_price: money(),
      platform_subsidy: money(),
      currency: currency(),
    },
    ['order_id', 'ts', 'sku_id', 'merchant_id', 'quantity', 'unit_price', 'currency'],
  ),

  listings: record(
    {
      snapshot_id: id(),
      ts: timestamp(),
      sku_id: id(),
      merchant_id: id(),
      displayed_price: money(),
      reference_price: money(),
      reference_label: text(),
      reference_kind: oneOf(REFERENCE_KINDS),
      promo_id: id(),
      promo_type: oneOf(PROMO_TYPES),
      promo_starts_at: timestamp(),
      countdown_ends_at: timestamp(),
      claimed_stock_left: integer(0),
      claimed_sales_30d: integer(0),
    },
    ['snapshot_id', 'ts', 'sku_id', 'merchant_id', 'displayed_price'],
  ),

  costs: record(
    {
      sku_id: id(),
      merchant_id: id(),
      valid_from: date(),
      valid_to: date(),
      unit_variable_cost: money(),
      unit_total_cost: money(),
      source: oneOf(COST_SOURCES),
    },
    ['sku_id', 'merchant_id', 'valid_from', 'unit_variable_cost'],
  ),

  impressions: record(
    {
      request_id: id(),
      ts: timestamp(),
      user_id: id(),
      user: userTraits(),
      personalized: bool(),
      surface: text(),
      query: text(),
      algorithm_id: id(),
      algorithm_version: text(),
      items: arrayOf(impressionItem(), 'must be an array of {rank, sku_id, merchant_id, sponsored}'),
      clicked: arrayOf(id(), 'must be an array of sku ids'),
      purchased: arrayOf(id(), 'must be an array of sku ids'),
    },
    ['request_id', 'ts', 'user_id', 'personalized', 'surface', 'algorithm_id', 'items'],
  ),

  merchant_events: record(
    {
      event_id: id(),
      ts: timestamp(),
      merchant_id: id(),
      type: oneOf(MERCHANT_EVENT_TYPES),
      rival_platform: text(),
      reason_code: text(),
      detail: text(),
    },
    ['event_id', 'ts', 'merchant_id', 'type'],
  ),

  // `text` or `path` (exactly one) is checked in code: see validate-record.ts.
  documents: record(
    {
      document_id: id(),
      kind: oneOf(DOCUMENT_KINDS),
      language: oneOf(DOCUMENT_LANGUAGES),
      title: text(),
      issued_at: date(),
      merchant_id: id(),
      text: text(),
      path: { type: 'string', minLength: 1, reason: 'must be a file path relative to the dataset directory' },
    },
    ['document_id', 'kind', 'language'],
  ),

  algorithms: record(
    {
      algorithm_id: id(),
      name: text(),
      type: oneOf(ALGORITHM_TYPES),
      surfaces: arrayOf(text(), 'must be an array of strings'),
      purpose: text(),
      principle: text(),
      declared_features: arrayOf(text(), 'must be an array of strings'),
      personal_pricing: bool(),
      opt_out_available: bool(),
      user_tag_controls: bool(),
      version: text(),
      launched_at: date(),
    },
    ['algorithm_id', 'name', 'type', 'declared_features', 'personal_pricing', 'opt_out_available'],
  ),
};
