// The $merge stage: each output document is matched in the target on the
// `on` fields (which need a unique index, as in MongoDB) and then replaced,
// merged, kept, refused or inserted as whenMatched / whenNotMatched say.
import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { cloneDocument } from '../collection';
import { CommandError, badValue } from '../errors';
import { isPlainObject, keyOf } from '../keys';
import type { Store } from '../store';

type MergeSpec = {
  into: string | { db?: string; coll: string };
  on?: string | string[];
  let?: Document;
  whenMatched?: 'replace' | 'keepExisting' | 'merge' | 'fail' | Document[];
  whenNotMatched?: 'insert' | 'discard' | 'fail';
};

export function mergeInto(store: Store, db: string, raw: unknown, docs: Document[], variables?: Document): void {
  const spec: MergeSpec = typeof raw === 'string' ? { into: raw } : (raw as MergeSpec);
  if (!isPlainObject(spec) || spec.into === undefined) throw new CommandError(40414, 'Location40414', "BSON field '$merge.into' is missing but a required field");
  const { db: targetDb = db, coll } = typeof spec.into === 'string' ? { coll: spec.into } : spec.into;
  const on = spec.on === undefined ? ['_id'] : Array.isArray(spec.on) ? spec.on : [spec.on];
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  const target = store.getOrCreate(targetDb, coll);
  const onKey = keyOf([...on].sort());
  if (!(on.length === 1 && on[0] === '_id') && !target.indexes.some((index) => index.unique && keyOf(Object.keys(index.key).sort()) === onKey)) {
    throw new CommandError(51183, 'Location51183', 'Cannot find index to verify that join fields will be unique');
  }
  for (const doc of docs) {
    const filter: Document = Object.fromEntries(on.map((field) => [field, valueAt(doc, field) ?? null]));
    const [existing] = target.query(filter, { limit: 1 });
    if (!existing) {
      if (whenNotMatched === 'insert') target.insert(doc);
      else if (whenNotMatched === 'fail') throw new CommandError(13113, 'MergeStageNoMatchingDocument', `$merge could not find a matching document in the target collection for at least one document in the source collection`);
      continue;
    }
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail') {
      throw new CommandError(11000, 'DuplicateKey', `$merge with whenMatched: fail found an existing document with the same values for the 'on' fields`);
    }
    let next: Document;
    if (Array.isArray(whenMatched)) {
      const vars = { ...variables, ...(spec.let ?? {}), new: doc };
      const result = new Aggregator(whenMatched, { variables: vars } as never).run([cloneDocument(existing)]) as Document[];
      next = result[0] ?? existing;
    } else if (whenMatched === 'replace') {
      next = doc;
    } else if (whenMatched === 'merge') {
      next = { ...existing, ...doc };
    } else {
      throw badValue(`Enumeration value '${String(whenMatched)}' for field '$merge.whenMatched' is not a valid value.`);
    }
    target.replace(existing, { ...next, _id: existing._id });
  }
}

function valueAt(doc: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (isPlainObject(value) ? value[part] : undefined), doc);
}
