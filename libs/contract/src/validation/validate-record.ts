import type { ErrorObject } from 'ajv';
import type { EventsByKind, FileKind } from '../events';
import { parseTimestampMs } from '../schema/timestamp';
import { allErrorsValidatorFor, validatorFor } from './event-validators';

export interface ValidateOptions {
  /** Replaces a raw `user_id` by its pseudonym (see Pseudonymizer). */
  pseudonymize(userId: string): string;
  /**
   * The caller hands `raw` over (a line it has just parsed and will not look at again): it
   * is completed in place rather than copied, one object less per line of a large file.
   */
  inPlace?: boolean;
}

export type ValidationResult<T> = { ok: true; record: T } | { ok: false; field: string; reason: string };

/**
 * Checks one raw record against its kind's schema and returns the record as detectors see it:
 * a shallow copy of the input with unknown fields kept, `tsMs` added (and `promo_starts_at_ms`,
 * `countdown_ends_at_ms` on listings), and `user_id` replaced by its pseudonym. On failure it
 * returns one problem only, as `field` (dotted path, `items.2.rank`; '' for the record
 * itself) and `reason` (`price: must be an integer >= 0`): the first missing required field
 * (at any depth) if there is one, else the first wrong value in the schema's field order.
 *
 * Documents given by `path` come back with `path` and no `text`: reading the file is the
 * file reader's job (readDatasetFile), this function touches no file system.
 */
export function validateRecord<K extends FileKind>(
  kind: K,
  raw: unknown,
  options: ValidateOptions,
): ValidationResult<EventsByKind[K]> {
  const valid = validatorFor(kind)(raw) as boolean;
  const firstError = valid ? undefined : reportedError(kind, raw);
  if (firstError !== undefined && firstError.keyword === 'required') return failure(firstError);
  if (kind === 'documents') {
    const problem = documentBodyProblem(raw as Record<string, unknown>);
    if (problem !== undefined) return problem;
  }
  if (firstError !== undefined) return failure(firstError);

  // Object.assign, not spread: V8 makes a spread copy of a parsed object slow to extend (~10x).
  const record = options.inPlace ? (raw as Record<string, unknown>) : Object.assign({}, raw as Record<string, unknown>);
  if (typeof record.ts === 'string') record.tsMs = parseTimestampMs(record.ts);
  if (kind === 'listings') {
    if (typeof record.promo_starts_at === 'string') record.promo_starts_at_ms = parseTimestampMs(record.promo_starts_at);
    if (typeof record.countdown_ends_at === 'string') {
      record.countdown_ends_at_ms = parseTimestampMs(record.countdown_ends_at);
    }
  }
  if (typeof record.user_id === 'string') record.user_id = options.pseudonymize(record.user_id);
  return { ok: true, record: record as unknown as EventsByKind[K] };
}

/** The first missing required field at any depth, else the first error in schema order. */
function reportedError(kind: FileKind, raw: unknown): ErrorObject | undefined {
  const validateAll = allErrorsValidatorFor(kind);
  validateAll(raw);
  const errors = validateAll.errors ?? [];
  return errors.find((error) => error.keyword === 'required') ?? errors[0];
}

/** A document carries its body inline (`text`) or as a file of the dataset (`path`), not both. */
function documentBodyProblem(raw: Record<string, unknown>): { ok: false; field: string; reason: string } | undefined {
  const hasText = raw.text !== undefined;
  const hasPath = raw.path !== undefined;
  if (!hasText && !hasPath) return { ok: false, field: 'text', reason: 'text: required (or path to a file of the dataset)' };
  if (hasText && hasPath) return { ok: false, field: 'path', reason: 'path: give either text or path, not both' };
  return undefined;
}

function failure(error: ErrorObject): { ok: false; field: string; reason: string } {
  const at = dottedPath(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const field = at === '' ? missing : `${at}.${missing}`;
    return { ok: false, field, reason: `${field}: required` };
  }
  const schema = error.parentSchema as { reason?: string; maximum?: number } | undefined;
  let message = schema?.reason ?? error.message ?? 'is not valid';
  // Integers too large to be exact in a double get their own message: "must be >= 0" would puzzle.
  if (error.keyword === 'maximum' && schema?.maximum === Number.MAX_SAFE_INTEGER) {
    message = `must be at most ${Number.MAX_SAFE_INTEGER}`;
  }
  return { ok: false, field: at, reason: at === '' ? message : `${at}: ${message}` };
}

/** `/items/2/rank` → `items.2.rank` (JSON pointer escapes `~1` and `~0` undone). */
function dottedPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
