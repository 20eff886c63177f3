// lib/db names what MongoDB refused in its own terms; the service layer
// (lib/tenants/ports.ts) maps it onto the domain's errors, so lib/db never
// depends on the rules above it.

/** A write hit a unique index; `key` is the indexed field that clashed. */
export class DuplicateKeyError extends Error {
  override name = 'DuplicateKeyError';
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`duplicate key on ${key}`, options);
  }
}
