import { getUserPublicMetadata, signedInUserOf } from '@/lib/clerk';

/**
 * For a write route outside the middleware (the CSV upload): the session is
 * verified from the request itself and the platform-admin fact read live
 * from Clerk, uncached (DESIGN.md §3: writes trust Clerk).
 */
export async function platformAdminOfRequest(request: Request): Promise<{ userId: string } | { status: 401 | 404 }> {
  const userId = await signedInUserOf(request);
  if (!userId) return { status: 401 };
  const metadata = await getUserPublicMetadata(userId);
  return metadata?.platformAdmin === true ? { userId } : { status: 404 };
}
