import { platformAdminForApi } from '@/lib/auth';
import { csvProblemText } from '@/i18n/csvProblemText';
import { requestLocale } from '@/i18n/requestLocale';
import { cancelImport } from '@/lib/tenants';
import { denied } from '../../responses';

type Params = { params: Promise<{ id: string }> };

/** Cancels: at once before applying; while applying, the job stops after its current batch. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const admin = await platformAdminForApi({ fresh: true });
  if ('status' in admin) return denied(admin.status);
  const view = await cancelImport((await params).id, csvProblemText(requestLocale(request)));
  if (!view) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(view, { status: 202 });
}
