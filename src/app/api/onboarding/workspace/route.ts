import { currentUserId } from '@/lib/auth';
import { log } from '@/lib/log';
import { workspaceOf } from '@/lib/tenants';

// Polled by the "preparing your workspace" page until the test org is ready;
// provisions it if the webhook has not (DESIGN.md §3 Onboarding).
export async function POST(): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) return Response.json({ status: 'signed-out' }, { status: 401 });
  try {
    return Response.json(await workspaceOf(userId, { provision: true }));
  } catch (error) {
    // Clerk or the database is having a moment: the page keeps waiting and asks again.
    log.warn({ err: error, userId }, 'workspace not ready yet');
    return Response.json({ status: 'preparing' }, { status: 503 });
  }
}
