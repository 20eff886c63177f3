import { deDE, enUS, frFR } from '@clerk/localizations';
import type { Locale } from './routing';

// Clerk's own components speak the page's language.
export const clerkLocalization = { en: enUS, de: deDE, fr: frFR } satisfies Record<Locale, unknown>;
