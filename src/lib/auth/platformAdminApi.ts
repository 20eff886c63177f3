import { auth } from '@clerk/nextjs/server';
import { isPlatformAdmin } from './platformAdmin';

/** For API routes of the admin area: 401 signed out, 404 for anyone but a platform admin. */
export async function platformAdminForApi(): Promise<{ userId: string } | { status: 401 | 404 }> {
  const { userId } = await auth();
  if (!userId) return { status: 401 };
  return (await isPlatformAdmin(userId)) ? { userId } : { status: 404 };
}
