// Collection options checked as `create` checks them, and document
// validation: `validator` (query operators, $jsonSchema included) applied to
// inserts and updates per validationLevel (off / strict / moderate) and
// validationAction (error / warn), with MongoDB's code 121 on failure.
import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, badValue } from './errors';
import { compileSchema } from './jsonSchema';
import { isPlainObject } from './keys';

// Collection kinds mongod has that mongo-local does not: refused by name.
const UNSUPPORTED: Record<string, string> = {
  viewOn: 'views',
  pipeline: 'views',
  capped: 'capped collections',
  timeseries: 'time series collections',
  clusteredIndex: 'clustered collections',
  encryptedFields: 'queryable encryption',
  changeStreamPreAndPostImages: 'change streams',
};

/** Throws as `create` would for options mongo-local cannot honour or that are invalid. */
export function checkCollectionOptions(options: Document): void {
  for (const [field, kind] of Object.entries(UNSUPPORTED)) {
    if (options[field] !== undefined && options[field] !== false) {
      throw new CommandError(115, 'CommandNotSupported', `mongo-local does not support ${kind} (create.${field})`);
    }
  }
  const level: unknown = options.validationLevel;
  if (level !== undefined && !['off', 'strict', 'moderate'].includes(level as string)) {
    throw badValue(`Enumeration value '${String(level)}' for field 'create.validationLevel' is not a valid value.`);
  }
  const action: unknown = options.validationAction;
  if (action !== undefined && !['error', 'warn'].includes(action as string)) {
    throw badValue(`Enumeration value '${String(action)}' for field 'create.validationAction' is not a valid value.`);
  }
  if (options.validator !== undefined) compileValidator(options.validator);
}

export const queryOptions = { jsonSchemaValidator: (schema: Document) => compileSchema(schema) } as const;

function compileValidator(validator: unknown): Query {
  if (!isPlainObject(validator)) throw new CommandError(14, 'TypeMismatch', "BSON field 'create.validator' is the wrong type, expected type 'object'");
  for (const operator of ['$where', '$near', '$nearSphere', '$text']) {
    if (operator in validator) throw new CommandError(2, 'BadValue', `${operator} is not allowed in collection validators`);
  }
  try {
    return new Query(validator, queryOptions as never);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(2, 'BadValue', `invalid validator: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
  }
}

export type Validator = (next: Document, previous?: Document) => void;

/** The check a write runs before it stores `next` (replacing `previous`, for updates). */
export function validatorFor(options: Document): Validator | undefined {
  if (options.validator === undefined || options.validationLevel === 'off') return undefined;
  const query = compileValidator(options.validator);
  const moderate = options.validationLevel === 'moderate';
  const warnOnly = options.validationAction === 'warn';
  return (next, previous) => {
    // moderate: documents that already failed validation may stay invalid.
    if (moderate && previous && !query.test(previous)) return;
    if (query.test(next)) return;
    if (warnOnly) {
      console.warn(`mongo-local: document ${String(next._id)} failed validation (validationAction: warn)`);
      return;
    }
    throw new CommandError(121, 'DocumentValidationFailure', 'Document failed validation', {
      errInfo: { failingDocumentId: next._id, details: { operatorName: Object.keys(options.validator as Document)[0], reason: 'the document does not match the collection validator' } },
    });
  };
}
