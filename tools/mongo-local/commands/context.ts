import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import type { Cursors } from '../cursors';
import { badValue, typeMismatch } from '../errors';
import { GENERIC_FIELDS } from './fields';
import type { Store } from '../store';

export type ConnectionInfo = { id: number; remoteAddress: string };

export type CommandContext = {
  db: string;
  command: Document;
  store: Store;
  cursors: Cursors;
  connection: ConnectionInfo;
};

// Handlers are synchronous on purpose: one command runs to completion before
// the next starts, which is what makes findAndModify+$inc and unique checks
// atomic without locks.
export type CommandHandler = (context: CommandContext) => Document;

export function collectionName(command: Document, name: string): string {
  const value: unknown = command[name];
  if (typeof value !== 'string' || value === '') {
    throw typeMismatch(`collection name has invalid type ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value: unknown = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw typeMismatch(`BSON field '${field}' is the wrong type '${Array.isArray(value) ? 'array' : typeof value}', expected type 'object'`);
  }
  return value as Document;
}

export function optionalNumber(command: Document, field: string): number | undefined {
  const value: unknown = command[field];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'number' ? value : Number(value?.toString());
  if (!Number.isFinite(number)) throw typeMismatch(`BSON field '${field}' is the wrong type, expected a number`);
  return number;
}

export function documentArray(command: Document, field: string): Document[] {
  const value: unknown = command[field];
  if (!Array.isArray(value)) throw badValue(`BSON field '${field}' is missing but a required field`);
  return value as Document[];
}

/** The command's own options: everything but its name and generic fields. */
export function commandOptions(command: Document, name: string): Document {
  return Object.fromEntries(Object.entries(command).filter(([key]) => key !== name && !GENERIC_FIELDS.has(key)));
}

/** The command's `let` variables, each evaluated as an expression ($literal escapes a string). */
export function letVariables(command: Document): Document | undefined {
  const variables = optionalDocument(command, 'let');
  if (!variables) return undefined;
  const [evaluated] = new Aggregator([{ $addFields: variables }]).run([{}]) as Document[];
  return evaluated;
}
