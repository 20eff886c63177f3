import { describe, expect, it } from 'vitest';
import { orgNameProblem } from '@/lib/domain';
import { validateRecord } from '@/lib/tenants/csv/validate';

describe("an organization name by Clerk's rules", () => {
  it('takes ordinary names, accents and punctuation included', () => {
    for (const name of ['Acme', 'Müller & Söhne GmbH', 'St. Pauli e.V.', 'a'.repeat(256), '日本語の会社']) {
      expect(orgNameProblem(name)).toBeNull();
    }
  });

  it('refuses an empty name and one over 256 characters', () => {
    expect(orgNameProblem('   ')).toBe('empty');
    expect(orgNameProblem('a'.repeat(257))).toBe('tooLong');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(orgNameProblem('😀'.repeat(256))).toBeNull();
  });

  it('refuses URLs and HTML', () => {
    for (const name of ['Visit https://evil.example', 'www.example.com', 'ftp://files', '<b>Acme</b>', 'a > b']) {
      expect(orgNameProblem(name)).toBe('urlOrHtml');
    }
  });

  it('is what the CSV import reports for a row, before any Clerk call', () => {
    const { problems } = validateRecord({ shortName: 'acme', name: 'Acme https://acme.example', logoUrl: '', isTestOrg: 'false', admins: '' });
    expect(problems).toEqual([{ code: 'nameUrlOrHtml', params: {} }]);
    expect(validateRecord({ shortName: 'acme', name: 'a'.repeat(257), logoUrl: '', isTestOrg: 'false', admins: '' }).problems).toEqual([{ code: 'nameTooLong', params: { max: 256 } }]);
  });
});
