// Collation on indexes and operations, compared with Intl.Collator's rules:
// a unique index with a case-insensitive collation refuses a value that
// differs only in case, and reads with a collation match and sort by it.
import mongoose, { type mongo } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../setup/db';

useTestDatabase();

const caseInsensitive = { locale: 'en', strength: 2 };
const collection = <T extends mongo.Document>(name: string) => mongoose.connection.db!.collection<T>(name);

describe('a unique index with a collation', () => {
  it('refuses a value equal under the collation (A@x.io after a@x.io) with E11000', async () => {
    const users = collection<{ email: string }>('collated_users');
    await users.createIndex({ email: 1 }, { unique: true, collation: caseInsensitive });
    await users.insertOne({ email: 'a@x.io' });
    await expect(users.insertOne({ email: 'A@x.io' })).rejects.toMatchObject({ code: 11000, keyValue: { email: 'A@x.io' } });
    await users.insertOne({ email: 'á@x.io' });
    const indexes = await users.listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'email_1')?.collation).toMatchObject({ locale: 'en', strength: 2, caseLevel: false });
  });

  it('is used by a query with the same collation and not by one without', async () => {
    const users = collection<{ email: string }>('collated_users');
    const winning = async (options: mongo.FindOptions) =>
      JSON.stringify((await users.find({ email: 'A@X.IO' }, options).explain()).queryPlanner.winningPlan);
    expect(await winning({ collation: caseInsensitive })).toContain('IXSCAN');
    expect(await winning({})).toContain('COLLSCAN');
    expect(await users.countDocuments({ email: 'A@X.IO' }, { collation: caseInsensitive })).toBe(1);
    expect(await users.countDocuments({ email: 'A@X.IO' })).toBe(0);
  });
});

describe('operations with a collation', () => {
  it('match case-insensitively at strength 2 and ignore accents too at strength 1', async () => {
    const names = collection<{ name: string }>('collated_names');
    await names.insertMany([{ name: 'a@x.io' }, { name: 'A@x.io' }, { name: 'á@x.io' }, { name: 'b@x.io' }]);
    expect(await names.countDocuments({ name: 'a@x.io' }, { collation: caseInsensitive })).toBe(2);
    expect(await names.countDocuments({ name: 'a@x.io' }, { collation: { locale: 'en', strength: 1 } })).toBe(3);
    expect(await names.countDocuments({ name: 'a@x.io' })).toBe(1);
    expect(await names.countDocuments({ name: { $in: ['B@X.IO'] } }, { collation: caseInsensitive })).toBe(1);
    const updated = await names.updateMany({ name: 'A@X.IO' }, { $set: { seen: true } }, { collation: caseInsensitive });
    expect(updated.modifiedCount).toBe(2);
    const deleted = await names.deleteMany({ name: 'B@X.IO' }, { collation: caseInsensitive });
    expect(deleted.deletedCount).toBe(1);
  });

  it('sorts numbers inside strings by value with numericOrdering', async () => {
    const files = collection<{ file: string }>('collated_files');
    await files.insertMany([{ file: 'f10' }, { file: 'f9' }, { file: 'f100' }, { file: 'f1' }]);
    const sorted = await files.find({}, { collation: { locale: 'en', numericOrdering: true } }).sort({ file: 1 }).toArray();
    expect(sorted.map((doc) => doc.file)).toEqual(['f1', 'f9', 'f10', 'f100']);
    const plain = await files.find({}).sort({ file: 1 }).toArray();
    expect(plain.map((doc) => doc.file)).toEqual(['f1', 'f10', 'f100', 'f9']);
    expect(await files.countDocuments({ file: { $gt: 'f9' } }, { collation: { locale: 'en', numericOrdering: true } })).toBe(2);
  });

  it('uses the collection default collation when the operation gives none', async () => {
    await mongoose.connection.db!.createCollection('collated_default', { collation: caseInsensitive });
    const tags = collection<{ tag: string }>('collated_default');
    await tags.insertMany([{ tag: 'Red' }, { tag: 'red' }]);
    expect(await tags.countDocuments({ tag: 'RED' })).toBe(2);
    expect(await tags.countDocuments({ tag: 'RED' }, { collation: { locale: 'simple' } })).toBe(0);
  });

  it('takes ICU locale names (en_US) and lists distinct values once per collation-equal group', async () => {
    const pets = collection<{ kind: string }>('collated_pets');
    await pets.insertMany([{ kind: 'cat' }, { kind: 'Cat' }, { kind: 'dog' }]);
    const collation = { locale: 'en_US', strength: 2 };
    expect(await pets.distinct('kind', {}, { collation })).toHaveLength(2);
    const sorted = await pets.find({}, { collation }).sort({ kind: -1 }).toArray();
    expect(sorted[0]?.kind).toBe('dog');
  });

  it('refuses a collation without a locale or with an unknown field', async () => {
    const names = collection('collated_names');
    await expect(names.find({}, { collation: { strength: 2 } as never }).toArray()).rejects.toMatchObject({ code: 40414 });
    await expect(names.find({}, { collation: { locale: 'en', bogus: 1 } as never }).toArray()).rejects.toMatchObject({ code: 40415 });
  });
});
