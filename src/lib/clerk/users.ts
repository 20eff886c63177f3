import { ClerkRejectedError } from './errors';
import { callClerk } from './client';

/** Merges keys into the user's public metadata; Clerk keeps the other keys (PATCH /users/{id}/metadata). */
export async function mergeUserPublicMetadata(userId: string, publicMetadata: Record<string, unknown>): Promise<void> {
  await callClerk('update user metadata', (c) => c.users.updateUserMetadata(userId, { publicMetadata }));
}

/** The user's public metadata, or null when Clerk has no such user. */
export async function getUserPublicMetadata(userId: string): Promise<Record<string, unknown> | null> {
  try {
    const user = await callClerk('get user', (c) => c.users.getUser(userId));
    return user.publicMetadata as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ClerkRejectedError && error.status === 404) return null;
    throw error;
  }
}
