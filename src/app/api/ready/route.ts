import { checkReadiness } from '@/lib/health';

// Readiness: MongoDB and Clerk reachable (503 naming what is not). No sign-in, no secrets.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
