/**
 * Ajv validators of the event schemas, compiled on first use (compiling costs milliseconds;
 * validating costs a fraction of a microsecond). The fast ones stop at the first error; a
 * rejected line is then checked again by an all-errors twin, so that a missing required field
 * anywhere is reported before a wrong value elsewhere (rejections are rare: the second pass
 * costs nothing on clean data).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FileKind } from '../events';
import { EVENT_SCHEMAS } from '../schema/event-schemas';
import { isRfc3339Timestamp } from '../schema/timestamp';

function createAjv(allErrors: boolean): Ajv {
  const ajv = new Ajv({
    allErrors,
    // Errors then carry the failing schema, whose `reason` annotation is the message shown.
    verbose: true,
    strict: true,
  });
  ajv.addKeyword('reason');
  // ajv-formats' `date` checks that the day exists (2026-02-29 fails, 2028-02-29 passes).
  addFormats(ajv, ['date']);
  // Not ajv-formats' `date-time`: that one also accepts `+0800`, `+08` and a space separator.
  ajv.addFormat('rfc3339-timestamp', { type: 'string', validate: isRfc3339Timestamp });
  return ajv;
}

class ValidatorCache {
  private ajv: Ajv | undefined;
  private readonly validators = new Map<FileKind, ValidateFunction>();

  constructor(private readonly allErrors: boolean) {}

  get(kind: FileKind): ValidateFunction {
    let validate = this.validators.get(kind);
    if (validate === undefined) {
      const schema = EVENT_SCHEMAS[kind];
      if (schema === undefined) throw new Error(`unknown file kind "${kind}"`);
      this.ajv ??= createAjv(this.allErrors);
      validate = this.ajv.compile(schema);
      this.validators.set(kind, validate);
    }
    return validate;
  }
}

const firstError = new ValidatorCache(false);
const everyError = new ValidatorCache(true);

/** Stops at the first error: the one to use on every line. */
export function validatorFor(kind: FileKind): ValidateFunction {
  return firstError.get(kind);
}

/** Reports every error: only for lines already known to be invalid. */
export function allErrorsValidatorFor(kind: FileKind): ValidateFunction {
  return everyError.get(kind);
}
