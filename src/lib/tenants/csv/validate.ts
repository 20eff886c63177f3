import { z } from 'zod';
import { orgNameProblemText } from '@/lib/domain';
import { isValidShortName } from '@/lib/domain';
import { CSV_COLUMNS, type OrgCsvRow, unneutralise } from './format';

const email = z.email();

/** One CSV record (already split into columns) checked against the rules. */
export function validateRecord(record: Record<string, string>): { row?: OrgCsvRow; problems: string[]; warnings: string[] } {
  const cell = (key: (typeof CSV_COLUMNS)[number]) => unneutralise((record[key] ?? '').trim());
  const problems: string[] = [];
  const warnings: string[] = [];
  const shortName = cell('shortName');
  const name = cell('name');
  const logoUrl = cell('logoUrl');
  const isTestOrgText = cell('isTestOrg').toLowerCase();
  const admins = cell('admins')
    .split(';')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);

  if (!isValidShortName(shortName)) {
    problems.push(`shortName "${shortName}" is not valid (lowercase letters, digits and inner hyphens, at most 48, not a reserved name)`);
  }
  const nameProblem = orgNameProblemText(name);
  if (nameProblem) problems.push(nameProblem);
  if (logoUrl && !/^https?:\/\/\S+$/.test(logoUrl)) problems.push(`logoUrl "${logoUrl}" is not an http(s) URL`);
  if (!['', 'true', 'false'].includes(isTestOrgText)) problems.push(`isTestOrg must be true or false, not "${cell('isTestOrg')}"`);
  for (const admin of admins) if (!email.safeParse(admin).success) problems.push(`admin "${admin}" is not an email address`);
  if (new Set(admins).size !== admins.length) warnings.push('an admin is listed twice');

  if (problems.length > 0) return { problems, warnings };
  return {
    row: { shortName, name, logoUrl: logoUrl || null, isTestOrg: isTestOrgText === 'true', admins: [...new Set(admins)] },
    problems,
    warnings,
  };
}

/** The header must name exactly the known columns (any order). */
export function validateHeader(header: string[]): string | null {
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (missing.length === 0 && unknown.length === 0) return null;
  return [
    missing.length ? `missing column(s): ${missing.join(', ')}` : '',
    unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
