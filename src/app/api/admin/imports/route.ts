import { csvProblemText } from '@/i18n/csvProblemText';
import { requestLocale } from '@/i18n/requestLocale';
import { platformAdminOfRequest } from '@/lib/auth';
import { log } from '@/lib/log';
import { currentImport, MAX_IMPORT_BYTES, receiveImportUpload } from '@/lib/tenants';
import { denied } from './responses';

// The middleware skips this path (src/middleware.ts): it would copy the body
// and keep only its first 10 MB. So the session is verified here, from the request.
const MESSAGES = {
  'too-large': `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  'no-file': 'No file: send the CSV in the multipart field "file".',
  empty: 'The file is empty.',
  'bad-form': 'Expected a multipart/form-data upload with the CSV in the field "file".',
} as const;

/** Upload a CSV (multipart, field `file`, optional `applyValidRows`): 202 { id }, its preview runs in the background. */
export async function POST(request: Request): Promise<Response> {
  const admin = await platformAdminOfRequest(request);
  if ('status' in admin) return denied(admin.status);
  try {
    const outcome = await receiveImportUpload(request.body, request.headers.get('content-type') ?? '', admin.userId);
    if (!outcome.ok) return Response.json({ error: outcome.error, message: MESSAGES[outcome.error] }, { status: outcome.error === 'too-large' ? 413 : 400 });
    return Response.json({ id: outcome.id }, { status: 202 });
  } catch (error) {
    log.error({ err: error }, 'CSV upload failed');
    return Response.json({ error: 'unavailable', message: 'The upload could not be stored; try again.' }, { status: 503 });
  }
}

/** The running import, else the latest (the admin page picks it up when the admin comes back). */
export async function GET(request: Request): Promise<Response> {
  const admin = await platformAdminOfRequest(request);
  if ('status' in admin) return denied(admin.status);
  return Response.json({ current: await currentImport(csvProblemText(requestLocale(request))) }, { headers: { 'cache-control': 'no-store' } });
}
