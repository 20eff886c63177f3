import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { dbReady } from '@/lib/db';
import { env } from '@/lib/env';
import { csvExportPorts } from '../ports';
import { exportOrgRows } from './exportOrgs';

/** The org CSV as a byte stream: rows are produced and sent one at a time. */
export async function orgsCsvStream(): Promise<ReadableStream<Uint8Array>> {
  await dbReady(env().MONGODB_URI);
  const csv = Readable.from(exportOrgRows(csvExportPorts)).pipe(stringify());
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
