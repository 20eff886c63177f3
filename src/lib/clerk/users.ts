import { callClerk } from './client';

/** Merges keys into the user's public metadata; Clerk keeps the other keys (PATCH /users/{id}/metadata). */
export async function mergeUserPublicMetadata(userId: string, publicMetadata: Record<string, unknown>): Promise<void> {
  await callClerk('update user metadata', (c) => c.users.updateUserMetadata(userId, { publicMetadata }));
}
