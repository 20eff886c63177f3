import { platformAdminForApi } from '@/lib/auth';
import { exportOrgsCsv } from '@/lib/tenants';

// Platform admins download every live org as CSV, admins read from Clerk.
export async function GET(): Promise<Response> {
  const admin = await platformAdminForApi();
  if ('status' in admin) return Response.json({ error: admin.status === 401 ? 'sign in first' : 'not found' }, { status: admin.status });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(await exportOrgsCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="tenantry-orgs-${date}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
