// Command failures carry MongoDB's own code and codeName so the driver raises
// the same MongoServerError a real server would.
import type { Document } from 'bson';
import { MingoError } from 'mingo/util';

export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Document = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
export const typeMismatch = (message: string) => new CommandError(14, 'TypeMismatch', message);
export const namespaceNotFound = (ns: string) =>
  new CommandError(26, 'NamespaceNotFound', `ns does not exist: ${ns}`);

export const unknownCommand = (name: string) =>
  new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);

export function asCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // mingo rejects bad operators and expressions: the client's fault.
  if (error instanceof MingoError) return new CommandError(2, 'BadValue', message, {}, { cause: error });
  return new CommandError(1, 'InternalError', `mongo-local: ${message}`, {}, { cause: error });
}
