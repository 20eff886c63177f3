import type { ClerkLocalization as LocalizationResource } from './types';

/**
 * What @clerk/localizations 4.18 leaves in English (or missing) on the
 * screens Tenantry shows: sign-up/sign-in, the user menu, the org switcher.
 * The password field's show/hide button reads `formFieldAction__showPassword`
 * from @clerk/ui 1.36 on (what Clerk's CDN serves in production); 1.34, which
 * clerk-local serves, still hard-codes "Show password".
 */
export const deOverrides: LocalizationResource = {
  formFieldInputPlaceholder__signUpPassword: 'Passwort erstellen',
  formFieldInput__emailAddress_format: 'Beispielformat: name@beispiel.de',
  formFieldHintText__optional: 'Optional',
  formFieldAction__showPassword: 'Passwort anzeigen',
  formFieldAction__hidePassword: 'Passwort verbergen',
  organizationSwitcher: {
    action__openOrganizationSwitcher: 'Organisationswechsler öffnen',
    action__closeOrganizationSwitcher: 'Organisationswechsler schließen',
  },
  signIn: { start: { subtitle: 'Willkommen zurück! Bitte melden Sie sich an, um fortzufahren' } },
  signUp: { start: { subtitle: 'Willkommen! Bitte geben Sie Ihre Daten ein, um loszulegen.' } },
};

export const frOverrides: LocalizationResource = {
  formFieldInputPlaceholder__signUpPassword: 'Créez un mot de passe',
  formFieldInput__emailAddress_format: 'Format attendu : nom@exemple.fr',
  formFieldAction__showPassword: 'Afficher le mot de passe',
  formFieldAction__hidePassword: 'Masquer le mot de passe',
  organizationSwitcher: {
    action__openOrganizationSwitcher: 'Ouvrir le sélecteur d’organisation',
    action__closeOrganizationSwitcher: 'Fermer le sélecteur d’organisation',
  },
  signIn: {
    start: {
      title: 'Se connecter à {{applicationName}}',
      subtitle: 'Bon retour ! Connectez-vous pour continuer',
      subtitleCombined: 'Bon retour ! Connectez-vous pour continuer',
    },
  },
  signUp: { start: { subtitle: 'Bienvenue ! Renseignez vos informations pour commencer.' } },
};

/** Deep merge of plain objects: `extra` wins, nested sections are merged, not replaced. */
export function mergeLocalization<T extends object>(base: T, extra: object): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && current && typeof current === 'object' ? mergeLocalization(current as object, value) : value;
  }
  return out as T;
}

const NARROW_NBSP = '\u202f';

/** French typography: a narrow no-break space before `:`, `?`, `!` and `;` (not inside `{{…}}` or URLs). */
export function frenchSpacing(text: string): string {
  return text.replace(/(\S)[ \u00a0]?([?!;])(?=\s|$)/gu, `$1${NARROW_NBSP}$2`).replace(/(\S)[ \u00a0]?(:)(?=\s|$)/gu, `$1${NARROW_NBSP}$2`);
}

/** Applies `frenchSpacing` to every string of a localization object. */
export function withFrenchSpacing<T>(value: T): T {
  if (typeof value === 'string') return frenchSpacing(value) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFrenchSpacing(v)])) as T;
  }
  return value;
}
