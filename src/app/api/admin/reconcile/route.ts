import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { reconcile } from '@/lib/tenants';

// For a scheduler: POST with `Authorization: Bearer $RECONCILE_SECRET`;
// `?apply=1` repairs, otherwise a dry run. Off (404) without the secret set.
export async function POST(request: Request): Promise<Response> {
  const secret = env().RECONCILE_SECRET;
  if (!secret) return Response.json({ error: 'not found' }, { status: 404 });
  if (!matches(request.headers.get('authorization') ?? '', `Bearer ${secret}`)) {
    return Response.json({ error: 'unauthorized' }, { status: 401 });
  }
  const apply = new URL(request.url).searchParams.get('apply') === '1';
  try {
    return Response.json(await reconcile({ apply }));
  } catch (error) {
    log.error({ err: error }, 'reconcile failed');
    return Response.json({ error: 'reconcile failed; see the server log' }, { status: 503 });
  }
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
