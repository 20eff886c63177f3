import { platformAdminForApi } from '@/lib/auth';
import { csvProblemText } from '@/i18n/csvProblemText';
import { requestLocale } from '@/i18n/requestLocale';
import { importProblemsCsv } from '@/lib/tenants';
import { denied } from '../../responses';

type Params = { params: Promise<{ id: string }> };

/** Every problem of the import's latest phase, as CSV (line, message in `?locale=` or Accept-Language, code). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const admin = await platformAdminForApi();
  if ('status' in admin) return denied(admin.status);
  const { id } = await params;
  const csv = await importProblemsCsv(id, csvProblemText(requestLocale(request)));
  if (!csv) return Response.json({ error: 'not found' }, { status: 404 });
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="import-${id}-problems.csv"`, 'cache-control': 'no-store' },
  });
}
