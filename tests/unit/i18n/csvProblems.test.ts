import { describe, expect, it } from 'vitest';
import { csvProblemText } from '@/i18n/csvProblemText';
import de from '@/i18n/messages/de.json';
import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { acceptedLocale, requestLocale } from '@/i18n/requestLocale';
import { LOCALES } from '@/i18n/routing';
import { CSV_PROBLEM_CODES, type CsvProblemDetail } from '@/lib/tenants';
import { storedProblem } from '@/lib/tenants/csv/problems';

// CSV import problems are stored as code + params and worded when read
// (issue 15): every code reads as a sentence in every locale.

const SAMPLES: CsvProblemDetail[] = [
  { code: 'shortNameInvalid', params: { shortName: 'Bad Name!' } },
  { code: 'shortNameRepeated', params: { shortName: 'acme', earlierLine: 2 } },
  { code: 'nameEmpty', params: {} },
  { code: 'nameTooLong', params: { max: 256 } },
  { code: 'nameUrlOrHtml', params: {} },
  { code: 'logoUrlInvalid', params: { logoUrl: 'ftp://x' } },
  { code: 'isTestOrgInvalid', params: { value: 'maybe' } },
  { code: 'adminEmailInvalid', params: { email: 'not-an-email' } },
  { code: 'adminListedTwice', params: {} },
  { code: 'logoUrlIgnored', params: {} },
  { code: 'orgGoneFromClerk', params: { shortName: 'acme' } },
  { code: 'orgArchived', params: { shortName: 'acme' } },
  { code: 'orgProvisioning', params: { shortName: 'acme' } },
  { code: 'testOrgByImport', params: {} },
  { code: 'testOrgMustStayTest', params: { shortName: 'test-0001' } },
  { code: 'testOrgFieldsFixed', params: {} },
  { code: 'clerkRefused', params: { clerkCode: 'form_param_value_invalid' } },
  { code: 'notApplied', params: {} },
  { code: 'columnsMissing', params: { columns: 'logoUrl, isTestOrg' } },
  { code: 'columnsUnknown', params: { columns: 'extra' } },
  { code: 'csvQuotes', params: {} },
  { code: 'csvColumnCount', params: {} },
  { code: 'csvUnreadable', params: {} },
  { code: 'legacy', params: { text: 'an old English text' } },
];

describe('CSV problem messages', () => {
  it('cover every problem code, and nothing else, in every locale', () => {
    expect(SAMPLES.map((s) => s.code).sort()).toEqual([...CSV_PROBLEM_CODES].sort());
    for (const catalog of [en, de, fr]) expect(Object.keys(catalog.CsvProblems).sort()).toEqual([...CSV_PROBLEM_CODES].sort());
  });

  for (const locale of LOCALES) {
    it(`word every code in ${locale}, with its parameters in the text`, () => {
      const text = csvProblemText(locale);
      for (const sample of SAMPLES) {
        const message = text(sample);
        expect(message, sample.code).not.toMatch(/[{}]/);
        for (const value of Object.values(sample.params)) expect(message, sample.code).toContain(String(value));
      }
    });
  }

  it('are not English in de and fr (only the legacy text is shown as stored)', () => {
    const english = SAMPLES.map(csvProblemText('en'));
    for (const locale of ['de', 'fr'] as const) {
      const same = SAMPLES.map(csvProblemText(locale)).filter((m, i) => m === english[i]);
      expect(same).toEqual(['an old English text']);
    }
  });

  it('say the bad shortName in each language, French with narrow no-break spaces', () => {
    const bad: CsvProblemDetail = { code: 'shortNameInvalid', params: { shortName: 'Bad Name!' } };
    expect(csvProblemText('en')(bad)).toBe('shortName "Bad Name!" is not valid (lowercase letters, digits and inner hyphens, at most 48, not a reserved name)');
    expect(csvProblemText('de')(bad)).toBe('shortName „Bad Name!“ ist ungültig (Kleinbuchstaben, Ziffern und innere Bindestriche, höchstens 48 Zeichen, kein reservierter Name)');
    expect(csvProblemText('fr')(bad)).toBe('shortName «\u202fBad Name!\u202f» n’est pas valide (lettres minuscules, chiffres et tirets intérieurs, 48 caractères au plus, pas un nom réservé)');
    expect(csvProblemText('fr')({ code: 'columnsMissing', params: { columns: 'admins' } })).toBe('colonne(s) manquante(s)\u202f: admins');
  });

  it('format numbers per locale', () => {
    const long: CsvProblemDetail = { code: 'nameTooLong', params: { max: 1000 } };
    expect(csvProblemText('en')(long)).toContain('1,000');
    expect(csvProblemText('de')(long)).toContain('1.000');
    expect(csvProblemText('fr')(long)).toContain('1\u202f000');
  });
});

describe('a stored problem', () => {
  it('is read back as its code and params, an empty params dropped by MongoDB included', () => {
    expect(storedProblem({ line: 3, code: 'orgArchived', params: { shortName: 'acme' } })).toEqual({ line: 3, code: 'orgArchived', params: { shortName: 'acme' } });
    expect(storedProblem({ line: 4, code: 'nameEmpty' })).toEqual({ line: 4, code: 'nameEmpty', params: {} });
  });

  it('that fails its schema (old text, unknown code, wrong params) keeps its line and text', () => {
    expect(storedProblem({ line: 2, message: 'shortName "X" is not valid' })).toEqual({ line: 2, code: 'legacy', params: { text: 'shortName "X" is not valid' } });
    expect(storedProblem({ line: 2, code: 'noSuchCode', params: {} })).toMatchObject({ code: 'legacy', params: { text: 'noSuchCode' } });
    expect(storedProblem({ line: 2, code: 'orgArchived', params: { shortName: 42 } })).toMatchObject({ code: 'legacy' });
  });
});

describe('the language of an API answer', () => {
  const request = (query: string, acceptLanguage?: string) =>
    new Request(`http://localhost/api/admin/imports/x${query}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

  it('is ?locale= first, then Accept-Language, then English', () => {
    expect(requestLocale(request('?locale=de', 'fr'))).toBe('de');
    expect(requestLocale(request('?locale=it', 'fr-CH,fr;q=0.9'))).toBe('fr');
    expect(requestLocale(request(''))).toBe('en');
    expect(requestLocale(request('', 'it, es;q=0.8'))).toBe('en');
  });

  it('takes the Accept-Language range with the highest q-value that we speak', () => {
    expect(acceptedLocale('it;q=1, en;q=0.5, de;q=0.9')).toBe('de');
    expect(acceptedLocale('de-AT')).toBe('de');
    expect(acceptedLocale('fr;q=0, en;q=0.1')).toBe('en');
    expect(acceptedLocale('*')).toBeNull();
  });
});
