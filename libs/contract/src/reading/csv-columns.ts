import type { FileKind } from '../events';
import { EVENT_SCHEMAS } from '../schema/event-schemas';
import type { FieldSchema } from '../schema/schema-parts';

export type CellType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface CsvColumn {
  /** `user.device_os` → ['user', 'device_os']. */
  path: string[];
  type: CellType;
}

/** Every field of a kind's schema by dotted name (`user.tenure_days` → integer). */
function fieldTypes(kind: FileKind): Map<string, CellType> {
  const types = new Map<string, CellType>();
  const walk = (properties: Record<string, FieldSchema>, prefix: string): void => {
    for (const [name, schema] of Object.entries(properties)) {
      const dotted = prefix + name;
      types.set(dotted, schema.type ?? 'string');
      if (schema.type === 'object' && schema.properties !== undefined) {
        walk(schema.properties as Record<string, FieldSchema>, `${dotted}.`);
      }
    }
  };
  walk(EVENT_SCHEMAS[kind].properties, '');
  return types;
}

/**
 * Why a CSV of this kind with these columns cannot be read, or undefined when it can. A CSV
 * cell cannot hold an array, so kinds whose required fields are arrays (impressions' items,
 * algorithms' declared_features) and any array column (price_quotes' coupons) need NDJSON.
 */
export function csvUnsupportedReason(kind: FileKind, header: readonly string[]): string | undefined {
  const schema = EVENT_SCHEMAS[kind];
  const requiredArrays = schema.required.filter((name) => schema.properties[name]?.type === 'array');
  if (requiredArrays.length > 0) {
    return (
      `CSV cannot hold arrays and ${kind} needs ${requiredArrays.join(', ')}: ` +
      `submit ${kind}.ndjson (or .ndjson.gz) instead`
    );
  }
  const types = fieldTypes(kind);
  const arrayColumns = header.filter((column) => {
    const top = column.split('.')[0];
    return types.get(top) === 'array';
  });
  if (arrayColumns.length > 0) {
    return (
      `CSV cannot hold arrays, and column ${arrayColumns.join(', ')} is one: ` +
      `submit ${kind}.ndjson (or .ndjson.gz) instead, or drop the column`
    );
  }
  return undefined;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The columns of a header row; blank column names are kept as null (their cells ignored). */
export function csvColumns(kind: FileKind, header: readonly string[]): (CsvColumn | null)[] {
  const types = fieldTypes(kind);
  return header.map((name) => {
    const trimmed = name.trim();
    if (trimmed === '') return null;
    const path = trimmed.split('.');
    // `__proto__.x` would otherwise write into Object.prototype while unflattening.
    if (path.some((part) => UNSAFE_KEYS.has(part))) return null;
    // Unknown columns are kept as strings, like unknown fields of NDJSON.
    return { path, type: types.get(trimmed) ?? 'string' };
  });
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as the schema's type. A cell that does not look like its type stays a string, so
 * that validation rejects it with the field's usual reason (`price: must be an integer >= 0`).
 */
export function coerceCell(cell: string, type: CellType): unknown {
  switch (type) {
    case 'integer': {
      const trimmed = cell.trim();
      return INTEGER.test(trimmed) ? Number(trimmed) : cell;
    }
    case 'number': {
      const trimmed = cell.trim();
      return NUMBER.test(trimmed) ? Number(trimmed) : cell;
    }
    case 'boolean': {
      const lower = cell.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : cell;
    }
    default:
      return cell;
  }
}

/** Builds the nested record of one CSV row; an empty cell means the field is absent. */
export function csvRowToRecord(columns: readonly (CsvColumn | null)[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < columns.length && i < cells.length; i++) {
    const column = columns[i];
    const cell = cells[i];
    if (column === null || cell === '') continue;
    let target = record;
    for (let depth = 0; depth < column.path.length - 1; depth++) {
      const key = column.path[depth];
      const next = target[key];
      if (typeof next !== 'object' || next === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[column.path[column.path.length - 1]] = coerceCell(cell, column.type);
  }
  return record;
}
