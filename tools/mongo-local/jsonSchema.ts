// $jsonSchema as mongod implements it (draft 4 plus bsonType), for
// collection validators and queries. Unknown keywords are refused when the
// schema is compiled, as mongod refuses them.
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, ObjectId, Timestamp, type Document } from 'bson';
import { compareValues } from './compare';
import { CommandError } from './errors';
import { isPlainObject, keyOf } from './keys';

type Check = (value: unknown) => boolean;

const KEYWORDS = new Set([
  'bsonType', 'type', 'required', 'properties', 'additionalProperties', 'patternProperties', 'enum', 'minimum',
  'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'items', 'additionalItems',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'allOf', 'anyOf', 'oneOf', 'not',
  'multipleOf', 'dependencies', 'title', 'description', 'encrypt', 'encryptMetadata',
]);

const isNumber = (v: unknown) => typeof v === 'number' || v instanceof Long || v instanceof Decimal128 || v instanceof Int32 || v instanceof Double;
const asNumber = (v: unknown) => (typeof v === 'number' ? v : Number((v as { toString(): string }).toString()));

const BSON_TYPES: Record<string, Check> = {
  double: (v) => typeof v === 'number' || v instanceof Double,
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  binData: (v) => v instanceof Binary,
  objectId: (v) => v instanceof ObjectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp || v instanceof BSONRegExp,
  int: (v) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2 ** 31) || v instanceof Int32,
  long: (v) => v instanceof Long || (typeof v === 'number' && Number.isInteger(v)),
  decimal: (v) => v instanceof Decimal128,
  timestamp: (v) => v instanceof Timestamp,
  number: isNumber,
};
const JSON_TYPES: Record<string, Check> = {
  object: BSON_TYPES.object!,
  array: BSON_TYPES.array!,
  string: BSON_TYPES.string!,
  number: isNumber,
  integer: (v) => isNumber(v) && Number.isInteger(asNumber(v)),
  boolean: BSON_TYPES.bool!,
  null: BSON_TYPES.null!,
};

const failed = (message: string) => new CommandError(9, 'FailedToParse', message);

function typeCheck(spec: unknown, table: Record<string, Check>, keyword: string): Check {
  const names = Array.isArray(spec) ? spec : [spec];
  const checks = names.map((name) => {
    const check = typeof name === 'string' ? table[name] : undefined;
    if (!check) throw failed(`Unknown type name alias: ${String(name)} in $jsonSchema keyword '${keyword}'`);
    return check;
  });
  return (value) => checks.some((check) => check(value));
}

/** A predicate for documents; throws FailedToParse for a schema mongod would refuse. */
export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw failed('$jsonSchema must be an object');
  const checks: Check[] = [];
  for (const [keyword, spec] of Object.entries(schema)) {
    if (!KEYWORDS.has(keyword)) throw failed(`Unknown $jsonSchema keyword: ${keyword}`);
    if (keyword === 'encrypt' || keyword === 'encryptMetadata') {
      throw new CommandError(115, 'CommandNotSupported', `mongo-local does not support the $jsonSchema keyword '${keyword}' (client-side field level encryption)`);
    }
    checks.push(...(objectChecks(keyword, spec, schema) ?? valueChecks(keyword, spec, schema) ?? combinedChecks(keyword, spec) ?? []));
  }
  return (value) => checks.every((check) => check(value));
}

/** `check` for values `applies` accepts; any other value passes (JSON Schema keywords apply to their own types only). */
const when =
  (applies: Check, check: Check): Check =>
  (value) =>
    !applies(value) || check(value);

/** The keywords about an object's fields; undefined for any other keyword. */
function objectChecks(keyword: string, spec: unknown, schema: Document): Check[] | undefined {
  const object = BSON_TYPES.object!;
  switch (keyword) {
    case 'required':
      return [when(object, (v) => (spec as string[]).every((field) => (v as Document)[field] !== undefined))];
    case 'properties':
      return Object.entries(spec as Document).map(([field, sub]) => {
        const check = compileSchema(sub);
        return when(object, (v) => (v as Document)[field] === undefined || check((v as Document)[field]));
      });
    case 'patternProperties':
      return Object.entries(spec as Document).map(([pattern, sub]) => {
        const regex = new RegExp(pattern, 'u');
        const check = compileSchema(sub);
        return when(object, (v) => Object.entries(v as Document).every(([k, value]) => !regex.test(k) || check(value)));
      });
    case 'additionalProperties': {
      const known = new Set(Object.keys((schema.properties as Document | undefined) ?? {}));
      const patterns = Object.keys((schema.patternProperties as Document | undefined) ?? {}).map((p) => new RegExp(p, 'u'));
      const check: Check = spec === false ? () => false : spec === true ? () => true : compileSchema(spec);
      return [when(object, (v) => Object.entries(v as Document).every(([k, value]) => known.has(k) || patterns.some((p) => p.test(k)) || check(value)))];
    }
    case 'minProperties':
      return [when(object, (v) => Object.keys(v as Document).length >= Number(spec))];
    case 'maxProperties':
      return [when(object, (v) => Object.keys(v as Document).length <= Number(spec))];
    default:
      return undefined;
  }
}

/** The keywords about a value's type, number, string or array; undefined for any other keyword. */
function valueChecks(keyword: string, spec: unknown, schema: Document): Check[] | undefined {
  const array = BSON_TYPES.array!;
  const string = BSON_TYPES.string!;
  switch (keyword) {
    case 'bsonType':
      return [typeCheck(spec, BSON_TYPES, keyword)];
    case 'type':
      return [typeCheck(spec, JSON_TYPES, keyword)];
    case 'enum':
      return [(v) => (spec as unknown[]).some((option) => keyOf(option) === keyOf(v))];
    case 'minimum':
    case 'maximum': {
      const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
      const sign = keyword === 'minimum' ? 1 : -1;
      return [
        when(isNumber, (v) => {
          const c = compareValues(v, spec) * sign;
          return exclusive ? c > 0 : c >= 0;
        }),
      ];
    }
    case 'multipleOf':
      return [when(isNumber, (v) => asNumber(v) % Number(spec) === 0)];
    case 'minLength':
      return [when(string, (v) => [...(v as string)].length >= Number(spec))];
    case 'maxLength':
      return [when(string, (v) => [...(v as string)].length <= Number(spec))];
    case 'pattern': {
      const regex = new RegExp(String(spec), 'u');
      return [when(string, (v) => regex.test(v as string))];
    }
    case 'items': {
      if (!Array.isArray(spec)) {
        const check = compileSchema(spec);
        return [when(array, (v) => (v as unknown[]).every(check))];
      }
      const each = spec.map(compileSchema);
      return [when(array, (v) => (v as unknown[]).every((item, i) => !each[i] || each[i]!(item)))];
    }
    case 'minItems':
      return [when(array, (v) => (v as unknown[]).length >= Number(spec))];
    case 'maxItems':
      return [when(array, (v) => (v as unknown[]).length <= Number(spec))];
    case 'uniqueItems':
      return spec === true ? [when(array, (v) => new Set((v as unknown[]).map(keyOf)).size === (v as unknown[]).length)] : [];
    default:
      return undefined;
  }
}

/** allOf, anyOf, oneOf, not; undefined for any other keyword. */
function combinedChecks(keyword: string, spec: unknown): Check[] | undefined {
  switch (keyword) {
    case 'allOf': {
      const subs = (spec as unknown[]).map(compileSchema);
      return [(v) => subs.every((check) => check(v))];
    }
    case 'anyOf': {
      const subs = (spec as unknown[]).map(compileSchema);
      return [(v) => subs.some((check) => check(v))];
    }
    case 'oneOf': {
      const subs = (spec as unknown[]).map(compileSchema);
      return [(v) => subs.filter((check) => check(v)).length === 1];
    }
    case 'not': {
      const sub = compileSchema(spec);
      return [(v) => !sub(v)];
    }
    default:
      return undefined;
  }
}
