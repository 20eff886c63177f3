// The domain's errors, in the leaf module so every layer can name them.

/** Thrown by `reserve` when the user already has a test org (the partial unique index on ownerUserId). */
export class OwnerTakenError extends Error {
  override name = 'OwnerTakenError';
}
/** Thrown by `reserve` when the shortName is already used by another org. */
export class ShortNameTakenError extends Error {
  override name = 'ShortNameTakenError';
}
/** The Clerk slug is held by an org that is not this user's test org: needs a human (or reconcile). */
export class ProvisioningConflictError extends Error {
  override name = 'ProvisioningConflictError';
}
/**
 * Clerk has no such user (a user.created for a user deleted since, or never
 * made): nothing is provisioned, and retrying will not help.
 */
export class UnknownUserError extends Error {
  override name = 'UnknownUserError';
}
