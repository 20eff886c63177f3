import { auth } from '@clerk/nextjs/server';

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  return (await auth()).userId ?? null;
}
