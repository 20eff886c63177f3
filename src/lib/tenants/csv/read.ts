import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type CsvProblemDetail, problem } from './problems';
import { validateHeader } from './validate';

/** The file cannot be read past `line`: a bad header, or quoting csv-parse cannot follow. */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problems: CsvProblemDetail[],
    options?: ErrorOptions,
  ) {
    super(`CSV unreadable at line ${line}: ${problems.map((p) => p.code).join(', ')}`, options);
    this.name = 'CsvFormatError';
  }
}

// csv-parse's error codes, grouped by what a person fixes in the file.
const QUOTES = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_INVALID_CLOSING_QUOTE', 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE']);
const COLUMN_COUNT = new Set(['CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', 'CSV_RECORD_INCONSISTENT_COLUMNS']);

function parseProblem(code: unknown): CsvProblemDetail {
  if (typeof code === 'string' && QUOTES.has(code)) return problem('csvQuotes');
  if (typeof code === 'string' && COLUMN_COUNT.has(code)) return problem('csvColumnCount');
  return problem('csvUnreadable');
}

/**
 * The records of a CSV text or byte stream, one at a time with the line each starts on
 * (csv-parse does the quoting rules). A bad header or broken quoting stops it
 * with a CsvFormatError naming the line.
 */
export async function* readCsv(source: string | AsyncIterable<Buffer>): AsyncGenerator<{ line: number; record: Record<string, string> }> {
  let headerProblems: CsvProblemDetail[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      headerProblems = validateHeader(names);
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
      if (headerProblems.length) throw new CsvFormatError(1, headerProblems);
      yield { line: info.lines, record };
    }
    if (headerProblems.length) throw new CsvFormatError(1, headerProblems);
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    const { lines, code } = error as { lines?: number; code?: unknown };
    throw new CsvFormatError(lines ?? 0, [parseProblem(code)], { cause: error });
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
