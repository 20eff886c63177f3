import { enUS } from '@clerk/localizations';
import { describe, expect, it } from 'vitest';
import { localization as de } from '@/i18n/clerk/de';
import { localization as fr } from '@/i18n/clerk/fr';
import { frenchSpacing, mergeLocalization } from '@/i18n/clerk/overrides';

function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const english = new Map(strings(enUS));
// What Tenantry shows of Clerk: the sign-up and sign-in cards, the user menu, the org switcher.
const SHOWN = ['formFieldInputPlaceholder__signUpPassword', 'formFieldAction__showPassword', 'formFieldAction__hidePassword', 'formFieldInput__emailAddress_format', 'signIn.start.title', 'signIn.start.subtitle', 'signUp.start.title', 'signUp.start.subtitle', 'organizationSwitcher.action__openOrganizationSwitcher', 'userButton.action__signOut', 'userButton.action__manageAccount'];

describe("Clerk's strings", () => {
  for (const [locale, resource] of Object.entries({ de, fr })) {
    it(`${locale}: what Tenantry shows of Clerk is not left in English`, () => {
      const own = new Map(strings(resource));
      const english_ = SHOWN.filter((key) => !own.get(key) || own.get(key) === english.get(key));
      expect(english_).toEqual([]);
    });
  }

  it('fr: every string has a narrow no-break space before : ? ! ;', () => {
    const wrong = strings(fr).filter(([, s]) => /(?:[^\u202f]|^)[:?!;](?=\s|$)/u.test(s));
    expect(wrong).toEqual([]);
  });

  it('French spacing leaves URLs and placeholders alone', () => {
    expect(frenchSpacing('Vous avez déjà un compte ? Voir https://exemple.fr : {{applicationName}}!')).toBe(
      'Vous avez déjà un compte\u202f? Voir https://exemple.fr\u202f: {{applicationName}}\u202f!',
    );
  });

  it('overrides merge into nested sections without dropping their other keys', () => {
    expect(mergeLocalization({ a: { b: '1', c: '2' } }, { a: { c: '3' } })).toEqual({ a: { b: '1', c: '3' } });
  });
});
