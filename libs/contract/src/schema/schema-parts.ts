/**
 * Building blocks of the event schemas. Each property schema carries a `reason`: the short
 * sentence a rejection shows after the field name (`price: must be an integer >= 0`). It is
 * written once here so that a float, a string and a negative number in a money field all
 * get the same plain explanation, whichever JSON-schema keyword caught them.
 */

export interface FieldSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  reason: string;
  [keyword: string]: unknown;
}

export interface ObjectSchema extends FieldSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required: string[];
}

/** Money beyond this cannot be held exactly in a JavaScript number. */
export const MAX_SAFE_MONEY = Number.MAX_SAFE_INTEGER;
export const ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';

export const id = (): FieldSchema => ({
  type: 'string',
  pattern: ID_PATTERN,
  reason: 'must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -',
});

export const money = (): FieldSchema => ({
  type: 'integer',
  minimum: 0,
  maximum: MAX_SAFE_MONEY,
  reason: 'must be an integer >= 0',
});

export const integer = (minimum: number): FieldSchema => ({
  type: 'integer',
  minimum,
  maximum: Number.MAX_SAFE_INTEGER,
  reason: `must be an integer >= ${minimum}`,
});

export const text = (): FieldSchema => ({ type: 'string', reason: 'must be a string' });

export const bool = (): FieldSchema => ({ type: 'boolean', reason: 'must be true or false' });

export const timestamp = (): FieldSchema => ({
  type: 'string',
  format: 'rfc3339-timestamp',
  reason: 'must be an RFC 3339 timestamp with offset',
});

export const date = (): FieldSchema => ({
  type: 'string',
  format: 'date',
  reason: 'must be an existing date YYYY-MM-DD',
});

export const currency = (): FieldSchema => ({
  type: 'string',
  pattern: '^[A-Z]{3}$',
  reason: 'must be an ISO 4217 currency code of three capital letters',
});

export const oneOf = (values: readonly string[]): FieldSchema => ({
  type: 'string',
  enum: [...values],
  reason: `must be one of ${values.join(', ')}`,
});

export const arrayOf = (items: FieldSchema, reason: string): FieldSchema => ({ type: 'array', items, reason });

/** Unknown fields are kept (and ignored): no `additionalProperties: false` anywhere. */
export const object = (
  properties: Record<string, FieldSchema>,
  required: string[],
  reason = 'must be an object',
): ObjectSchema => ({ type: 'object', properties, required, reason });

/** A top-level record: `platform_id` is required in every file and is checked first. */
export const record = (properties: Record<string, FieldSchema>, required: string[]): ObjectSchema =>
  object({ platform_id: id(), ...properties }, ['platform_id', ...required], 'must be a JSON object');
