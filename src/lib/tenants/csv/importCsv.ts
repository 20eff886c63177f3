import { dbReady } from '@/lib/db';
import { env } from '@/lib/env';
import { csvImportPorts } from '../ports';
import { importOrgsCsv, type ImportReport } from './importOrgs';

/** importOrgsCsv against the real database and Clerk. */
export async function importOrgsFromCsv(text: string, options: { applyValidRows: boolean; inviterUserId: string }): Promise<ImportReport> {
  await dbReady(env().MONGODB_URI);
  return importOrgsCsv(text, options, csvImportPorts);
}
