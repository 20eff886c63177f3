import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { validateHeader } from './validate';

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/**
 * The records of a CSV text or byte stream, one at a time with the line each starts on
 * (csv-parse does the quoting rules). A bad header or broken quoting stops it
 * with a CsvFormatError naming the line.
 */
export async function* readCsv(source: string | AsyncIterable<Buffer>): AsyncGenerator<{ line: number; record: Record<string, string> }> {
  let headerProblem: string | null = null;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      headerProblem = validateHeader(names);
      return names;
    },
  });
  // Fed a slice at a time, with backpressure: given the whole text at once,
  // csv-parse turns every row into a record before the first is read, so
  // memory would grow with the number of rows.
  // A byte stream (the stored upload) goes in as it comes: csv-parse decodes
  // UTF-8 itself, so a character split between two chunks stays whole.
  const input = typeof source === 'string' ? Readable.from(slices(source)) : Readable.from(source);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (headerProblem) throw new CsvFormatError(1, headerProblem);
      yield { line: info.lines, record };
    }
    if (headerProblem) throw new CsvFormatError(1, headerProblem);
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    const line = (error as { lines?: number }).lines ?? 0;
    throw new CsvFormatError(line, error instanceof Error ? error.message : String(error));
  }
}

const SLICE = 16 * 1024;

/** The text in slices of about SLICE characters, never splitting a surrogate pair. */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}
