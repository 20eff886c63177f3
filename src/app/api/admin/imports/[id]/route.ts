import { platformAdminForApi } from '@/lib/auth';
import { csvProblemText } from '@/i18n/csvProblemText';
import { requestLocale } from '@/i18n/requestLocale';
import { getImport } from '@/lib/tenants';
import { denied } from '../responses';

type Params = { params: Promise<{ id: string }> };

/** The import's status, counts of the current phase, first 200 problems (worded in `?locale=` or Accept-Language), rate and ETA. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const admin = await platformAdminForApi();
  if ('status' in admin) return denied(admin.status);
  const view = await getImport((await params).id, csvProblemText(requestLocale(request)));
  if (!view) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(view, { headers: { 'cache-control': 'no-store' } });
}
