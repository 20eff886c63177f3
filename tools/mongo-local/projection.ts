// Projections for find and findAndModify. Plain top-level ones ({ a: 1, b: 1 } or { a: 0 }), the shape
// applications send most, applied without mingo: 10,000 documents through
// mingo's projection took ~200 ms (the bench's CSV export), this a few. The
// result keeps the stored document's field order, `_id` first, as mongod does
// (mingo puts `_id` last). Anything else (dotted paths, operators, mixed
// inclusion and exclusion, which mingo refuses as mongod does) goes to mingo.
import type { Document } from 'bson';
import { find } from 'mingo';

type Project = (doc: Document) => Document;

/** `spec` applied to each document (find's `projection`, findAndModify's `fields`). */
export function project(docs: Document[], spec: Document | undefined): Document[] {
  const plain = plainProjection(spec);
  if (plain === undefined) return docs;
  return plain ? docs.map(plain) : (find(docs, {}, spec).all() as Document[]);
}

/** A function for a plain projection, `undefined` when there is none to apply, `null` when mingo must. */
function plainProjection(spec: Document | undefined): Project | undefined | null {
  if (spec === undefined) return undefined;
  const fields = Object.entries(spec);
  if (fields.length === 0) return undefined;
  let idShown = true;
  const included = new Set<string>();
  const excluded = new Set<string>();
  for (const [field, value] of fields) {
    if (field.includes('.') || field.startsWith('$')) return null;
    if (typeof value !== 'number' && typeof value !== 'boolean') return null;
    const shown = value !== 0 && value !== false;
    if (field === '_id') idShown = shown;
    else (shown ? included : excluded).add(field);
  }
  if (included.size > 0 && excluded.size > 0) return null;
  // { _id: 1 } alone includes only _id; { _id: 0 } alone excludes only _id.
  const inclusion = included.size > 0 || (excluded.size === 0 && idShown);
  return inclusion
    ? (doc) => pick(doc, (field) => (field === '_id' ? idShown : included.has(field)))
    : (doc) => pick(doc, (field) => (field === '_id' ? idShown : !excluded.has(field)));
}

function pick(doc: Document, keep: (field: string) => boolean): Document {
  const out: Document = {};
  for (const field of Object.keys(doc)) if (keep(field)) out[field] = doc[field];
  return out;
}
