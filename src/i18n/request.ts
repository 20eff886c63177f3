import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // One zone for server and browser renders: dates formatted on the server
    // are never re-formatted differently in the browser (no hydration error).
    timeZone: 'UTC',
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
