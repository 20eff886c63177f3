import { taskSession } from '@/lib/auth';
import { log } from '@/lib/log';
import { ensureWorkspace } from '@/lib/tenants';

// Polled by the "preparing your workspace" page until the test org is ready;
// provisions it if the webhook has not (DESIGN.md §3 Onboarding). Part of the
// page that completes the choose-organization task, so a pending session counts.
export async function POST(): Promise<Response> {
  const session = await taskSession();
  if (!session) return Response.json({ status: 'signed-out' }, { status: 401 });
  try {
    return Response.json(await ensureWorkspace(session.userId, { provision: true }));
  } catch (error) {
    // Clerk or the database is having a moment: the page keeps waiting and asks again.
    log.warn({ err: error, userId: session.userId }, 'workspace not ready yet');
    return Response.json({ status: 'preparing' }, { status: 503 });
  }
}
