/**
 * The event records of shared/spec/events.md, as they are after validation.
 *
 * Every record keeps the fields of the spec with the spec's names. Timestamps keep the
 * string the platform sent (`ts`, with its offset) and gain `tsMs` (epoch milliseconds) so
 * that detectors compare instants without re-parsing. Dates stay `YYYY-MM-DD` strings, read
 * in the rule pack's platform time zone. Money is an integer count of minor units.
 * `user_id` is already pseudonymised (keyed HMAC) when a record leaves the reader.
 */

export type Id = string;
export type Money = number;
export type IsoDate = string;

export const GENDERS = ['f', 'm', 'u'] as const;

export interface UserTraits {
  new_user?: boolean;
  tenure_days?: number;
  orders_90d?: number;
  spend_90d?: number;
  member_tier?: string;
  device_os?: string;
  region?: string;
  channel?: string;
  gender?: (typeof GENDERS)[number];
  age_band?: string;
  [extra: string]: unknown;
}

interface PlatformRecord {
  platform_id: Id;
}

interface TimedRecord extends PlatformRecord {
  ts: string;
  tsMs: number;
}

export const MERCHANT_KINDS = ['self_operated', 'third_party'] as const;
export const MERCHANT_SIZES = ['small', 'medium', 'large'] as const;

export interface Merchant extends PlatformRecord {
  merchant_id: Id;
  name?: string;
  kind: (typeof MERCHANT_KINDS)[number];
  size?: (typeof MERCHANT_SIZES)[number];
  registered_at?: IsoDate;
}

export interface Sku extends PlatformRecord {
  sku_id: Id;
  merchant_id: Id;
  category: string;
  title?: string;
  own_brand?: boolean;
  rating?: number;
  perishable?: boolean;
  expiry_date?: IsoDate;
  season_end?: IsoDate;
  launch_date?: IsoDate;
  clearance_from?: IsoDate;
}

export const COUPON_SCOPES = ['public', 'new_user', 'member', 'targeted'] as const;
export type CouponScope = (typeof COUPON_SCOPES)[number];

export interface Coupon {
  coupon_id: Id;
  amount: Money;
  scope: CouponScope;
  disclosed: boolean;
}

export interface Experiment {
  experiment_id: Id;
  arm: string;
}

export interface PriceQuote extends TimedRecord {
  quote_id: Id;
  sku_id: Id;
  merchant_id: Id;
  user_id: Id;
  user: UserTraits;
  list_price: Money;
  price: Money;
  coupons?: Coupon[];
  final_price: Money;
  shipping_fee?: Money;
  experiment?: Experiment;
  currency: string;
}

export interface Order extends TimedRecord {
  order_id: Id;
  sku_id: Id;
  merchant_id: Id;
  user_id?: Id;
  quantity: number;
  unit_price: Money;
  platform_subsidy?: Money;
  currency: string;
}

export const PROMO_TYPES = ['discount', 'flash_sale', 'countdown', 'none'] as const;
export type PromoType = (typeof PROMO_TYPES)[number];
export const REFERENCE_KINDS = ['prior_price', 'rrp', 'competitor'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Listing extends TimedRecord {
  snapshot_id: Id;
  sku_id: Id;
  merchant_id: Id;
  displayed_price: Money;
  reference_price?: Money;
  reference_label?: string;
  reference_kind?: ReferenceKind;
  promo_id?: Id;
  promo_type?: PromoType;
  promo_starts_at?: string;
  promo_starts_at_ms?: number;
  countdown_ends_at?: string;
  countdown_ends_at_ms?: number;
  claimed_stock_left?: number;
  claimed_sales_30d?: number;
}

export const COST_SOURCES = ['merchant_declared', 'audit', 'estimate'] as const;

export interface Cost extends PlatformRecord {
  sku_id: Id;
  merchant_id: Id;
  valid_from: IsoDate;
  valid_to?: IsoDate;
  unit_variable_cost: Money;
  unit_total_cost?: Money;
  source?: (typeof COST_SOURCES)[number];
}

export interface ImpressionItem {
  rank: number;
  sku_id: Id;
  merchant_id: Id;
  sponsored?: boolean;
}

export interface Impression extends TimedRecord {
  request_id: Id;
  user_id: Id;
  user?: UserTraits;
  personalized: boolean;
  surface: string;
  query?: string;
  algorithm_id: Id;
  algorithm_version?: string;
  items: ImpressionItem[];
  clicked?: Id[];
  purchased?: Id[];
}

export const RIVAL_ACTIVITY_TYPES = ['joined_rival_campaign', 'opened_rival_store', 'closed_rival_store'] as const;
export const SANCTION_TYPES = [
  'traffic_penalty',
  'search_demotion',
  'deposit_deducted',
  'delisted',
  'campaign_excluded',
  'warning_notice',
] as const;
export const ORDINARY_MERCHANT_EVENT_TYPES = ['quality_violation', 'campaign_joined'] as const;
export const MERCHANT_EVENT_TYPES = [
  ...RIVAL_ACTIVITY_TYPES,
  ...SANCTION_TYPES,
  ...ORDINARY_MERCHANT_EVENT_TYPES,
] as const;
export type MerchantEventType = (typeof MERCHANT_EVENT_TYPES)[number];

export interface MerchantEvent extends TimedRecord {
  event_id: Id;
  merchant_id: Id;
  type: MerchantEventType;
  rival_platform?: string;
  reason_code?: string;
  detail?: string;
}

export const DOCUMENT_KINDS = ['merchant_agreement', 'platform_rule', 'campaign_rule', 'notice', 'message'] as const;
export const DOCUMENT_LANGUAGES = ['zh', 'en'] as const;

export interface PlatformDocument extends PlatformRecord {
  document_id: Id;
  kind: (typeof DOCUMENT_KINDS)[number];
  language: (typeof DOCUMENT_LANGUAGES)[number];
  title?: string;
  issued_at?: IsoDate;
  merchant_id?: Id;
  /**
   * Always filled by the file reader, which replaces a `path` by the file's text.
   * (`validateRecord` alone cannot read files: for a `path` document it leaves `text` unset.)
   */
  text: string;
  path?: string;
}

export const ALGORITHM_TYPES = [
  'generation_synthesis',
  'personalized_push',
  'ranking_selection',
  'search_filtering',
  'scheduling_decision',
] as const;

export interface AlgorithmDeclaration extends PlatformRecord {
  algorithm_id: Id;
  name: string;
  type: (typeof ALGORITHM_TYPES)[number];
  surfaces?: string[];
  purpose?: string;
  principle?: string;
  declared_features: string[];
  personal_pricing: boolean;
  opt_out_available: boolean;
  user_tag_controls?: boolean;
  version?: string;
  launched_at?: IsoDate;
}

/** The record type of each dataset file, by file kind. */
export interface EventsByKind {
  merchants: Merchant;
  skus: Sku;
  price_quotes: PriceQuote;
  orders: Order;
  listings: Listing;
  costs: Cost;
  impressions: Impression;
  merchant_events: MerchantEvent;
  documents: PlatformDocument;
  algorithms: AlgorithmDeclaration;
}

export type FileKind = keyof EventsByKind;

export const FILE_KINDS: readonly FileKind[] = [
  'merchants',
  'skus',
  'price_quotes',
  'orders',
  'listings',
  'costs',
  'impressions',
  'merchant_events',
  'documents',
  'algorithms',
];
