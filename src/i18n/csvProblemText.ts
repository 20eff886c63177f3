import { createTranslator } from 'next-intl';
import type { CsvProblemDetail } from '@/lib/tenants';
import de from './messages/de.json';
import en from './messages/en.json';
import fr from './messages/fr.json';
import type { Locale } from './routing';

const CATALOGS = { en, de, fr } as const;

/**
 * The words of a CSV import problem in `locale`, for what is not a page (the
 * import API's `message`, problems.csv): pages read the same `CsvProblems`
 * messages through next-intl's hooks.
 */
export function csvProblemText(locale: Locale): (problem: CsvProblemDetail) => string {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: 'CsvProblems' });
  return (problem) => t(problem.code, problem.params as Record<string, string | number>);
}
