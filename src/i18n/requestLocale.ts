import { z } from 'zod';
import { LOCALES, type Locale, routing } from './routing';

const localeParam = z.enum(LOCALES);

/**
 * The language an API answer is written in: `?locale=en|de|fr`, else the best
 * of Accept-Language (by q-value, `de-CH` counting as `de`), else English.
 */
export function requestLocale(request: Request): Locale {
  const asked = localeParam.safeParse(new URL(request.url).searchParams.get('locale'));
  if (asked.success) return asked.data;
  return acceptedLocale(request.headers.get('accept-language')) ?? routing.defaultLocale;
}

export function acceptedLocale(header: string | null): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part, order) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { language } of ranges) {
    const found = localeParam.safeParse(language);
    if (found.success) return found.data;
  }
  return null;
}
