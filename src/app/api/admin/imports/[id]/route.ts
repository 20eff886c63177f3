import { platformAdminForApi } from '@/lib/auth';
import { getImport } from '@/lib/tenants';
import { denied } from '../responses';

type Params = { params: Promise<{ id: string }> };

/** The import's status, counts of the current phase, first 200 problems, rate and ETA. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const admin = await platformAdminForApi();
  if ('status' in admin) return denied(admin.status);
  const view = await getImport((await params).id);
  if (!view) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(view, { headers: { 'cache-control': 'no-store' } });
}
