import { z } from 'zod';
import { platformAdminForApi } from '@/lib/auth';
import { applyImport } from '@/lib/tenants';
import { denied } from '../../responses';

type Params = { params: Promise<{ id: string }> };

const body = z.object({ applyValidRows: z.boolean().optional() }).catch({});

const REFUSALS = {
  'not-found': [404, 'No such import.'],
  'not-ready': [409, 'This import is not ready to apply (still previewing, or already applied or cancelled).'],
  'has-problems': [409, 'Some rows have problems: fix the file, or apply only the valid rows.'],
  busy: [409, 'Another import is being applied; wait for it to finish.'],
} as const;

/** Applies a previewed import in the background; one import applies at a time. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const admin = await platformAdminForApi({ fresh: true });
  if ('status' in admin) return denied(admin.status);
  const { applyValidRows } = body.parse(await request.json().catch(() => ({})));
  const result = await applyImport((await params).id, applyValidRows);
  if (result.ok) return Response.json({ status: 'applying' }, { status: 202 });
  const [status, message] = REFUSALS[result.reason];
  return Response.json({ error: result.reason, message, runningId: result.runningId }, { status });
}
