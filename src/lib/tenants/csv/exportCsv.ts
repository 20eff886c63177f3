import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { csvExportPorts } from '../ports';
import { exportOrgRows } from './exportOrgs';

/** The org CSV as a byte stream: rows are produced and sent one at a time. */
export async function orgsCsvStream(): Promise<ReadableStream<Uint8Array>> {
  const csv = Readable.from(exportOrgRows(csvExportPorts)).pipe(stringify());
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
