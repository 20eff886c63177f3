import { createClerkClient } from '@clerk/backend';
import { env } from '@/lib/env';

/**
 * The signed-in user of a request, verified the way clerkMiddleware does
 * (session cookie or bearer token, networkless with CLERK_JWT_KEY). For the
 * one route the middleware does not run on: the CSV upload, whose body must
 * stream past the middleware's 10 MB copy (issue 12). Null when signed out.
 */
export async function signedInUserOf(request: Request): Promise<string | null> {
  const e = env();
  const client = createClerkClient({ secretKey: e.CLERK_SECRET_KEY, apiUrl: e.CLERK_API_URL, jwtKey: e.CLERK_JWT_KEY, publishableKey: e.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY });
  const state = await client.authenticateRequest(request, { publishableKey: e.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, jwtKey: e.CLERK_JWT_KEY });
  return state.isAuthenticated ? (state.toAuth()?.userId ?? null) : null;
}
