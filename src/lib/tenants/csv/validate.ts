import { z } from 'zod';
import { isValidShortName, ORG_NAME_MAX_LENGTH, orgNameProblem } from '@/lib/domain';
import { CSV_COLUMNS, type OrgCsvRow, unneutralise } from './format';
import { type CsvProblemDetail, problem } from './problems';

const email = z.email();

/** One CSV record (already split into columns) checked against the rules. */
export function validateRecord(record: Record<string, string>): { row?: OrgCsvRow; problems: CsvProblemDetail[]; warnings: CsvProblemDetail[] } {
  const cell = (key: (typeof CSV_COLUMNS)[number]) => unneutralise((record[key] ?? '').trim());
  const problems: CsvProblemDetail[] = [];
  const warnings: CsvProblemDetail[] = [];
  const shortName = cell('shortName');
  const name = cell('name');
  const logoUrl = cell('logoUrl');
  const isTestOrgText = cell('isTestOrg').toLowerCase();
  const admins = cell('admins')
    .split(';')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);

  if (!isValidShortName(shortName)) problems.push(problem('shortNameInvalid', { shortName: shortName.slice(0, 200) }));
  const nameProblem = orgNameProblem(name);
  if (nameProblem === 'empty') problems.push(problem('nameEmpty'));
  if (nameProblem === 'tooLong') problems.push(problem('nameTooLong', { max: ORG_NAME_MAX_LENGTH }));
  if (nameProblem === 'urlOrHtml') problems.push(problem('nameUrlOrHtml'));
  if (logoUrl && !/^https?:\/\/\S+$/.test(logoUrl)) problems.push(problem('logoUrlInvalid', { logoUrl: logoUrl.slice(0, 500) }));
  if (!['', 'true', 'false'].includes(isTestOrgText)) problems.push(problem('isTestOrgInvalid', { value: cell('isTestOrg').slice(0, 200) }));
  for (const admin of admins) if (!email.safeParse(admin).success) problems.push(problem('adminEmailInvalid', { email: admin.slice(0, 500) }));
  if (new Set(admins).size !== admins.length) warnings.push(problem('adminListedTwice'));

  if (problems.length > 0) return { problems, warnings };
  return {
    row: { shortName, name, logoUrl: logoUrl || null, isTestOrg: isTestOrgText === 'true', admins: [...new Set(admins)] },
    problems,
    warnings,
  };
}

/** The header must name exactly the known columns (any order): what is wrong with it, or nothing. */
export function validateHeader(header: string[]): CsvProblemDetail[] {
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  // Column names are the file's own identifiers: listed as written, not translated.
  const list = (names: string[]) => names.join(', ').slice(0, 500);
  return [
    ...(missing.length ? [problem('columnsMissing', { columns: list(missing) })] : []),
    ...(unknown.length ? [problem('columnsUnknown', { columns: list(unknown) })] : []),
  ];
}
