import type { ClerkLocalization as LocalizationResource } from './types';
import type { Locale } from '../routing';

/**
 * Clerk's strings for one locale, as a separate chunk per locale: the browser
 * downloads only the current locale's strings, once (cached), instead of
 * finding them serialized into every page's HTML. English is Clerk's built-in
 * default, so it costs nothing.
 */
const loaders: Record<Locale, () => Promise<LocalizationResource | undefined>> = {
  en: async () => undefined,
  de: () => import('./de').then((m) => m.localization),
  fr: () => import('./fr').then((m) => m.localization),
};

const loaded = new Map<Locale, Promise<LocalizationResource | undefined>>();

/** The same promise for the same locale, so React's `use()` can wait on it. */
export function clerkLocalization(locale: Locale): Promise<LocalizationResource | undefined> {
  let promise = loaded.get(locale);
  if (!promise) {
    promise = loaders[locale]();
    loaded.set(locale, promise);
  }
  return promise;
}
