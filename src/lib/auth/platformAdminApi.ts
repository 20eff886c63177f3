import { auth } from '@clerk/nextjs/server';
import { isPlatformAdmin } from './platformAdmin';

/** For API routes of the admin area: 401 signed out, 404 for anyone but a platform admin. */
// `fresh` (a write): confirmed live with Clerk — implemented by the access issue (9).
export async function platformAdminForApi(_options: { fresh?: boolean } = {}): Promise<{ userId: string } | { status: 401 | 404 }> {
  const { userId } = await auth();
  if (!userId) return { status: 401 };
  return (await isPlatformAdmin(userId)) ? { userId } : { status: 404 };
}
