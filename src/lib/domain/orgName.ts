// Clerk's rules for an organization name, checked before Clerk is called
// (CSV import, rename form) so a person gets a clear message instead of a
// Clerk refusal half-way: 1 to 256 characters once trimmed, no URL (a scheme
// such as `https://`, or `www.`) and no HTML (angle brackets). Clerk answers
// 422 form_param_max_length_exceeded / form_param_value_invalid otherwise
// (clerk-docs docs/guides/development/errors/backend-api.mdx).

export const ORG_NAME_MAX_LENGTH = 256;

export type OrgNameProblem = 'empty' | 'tooLong' | 'urlOrHtml';

const URL_IN_NAME = /[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;
const HTML_IN_NAME = /[<>]/;

/** What is wrong with `name` by Clerk's rules, or null when Clerk will take it. */
export function orgNameProblem(name: string): OrgNameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  // Characters as a person counts them, not UTF-16 units.
  if ([...trimmed].length > ORG_NAME_MAX_LENGTH) return 'tooLong';
  if (URL_IN_NAME.test(trimmed) || HTML_IN_NAME.test(trimmed)) return 'urlOrHtml';
  return null;
}
