import { describe, expect, it } from 'vitest';
import de from '@/i18n/messages/de.json';
import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { routing } from '@/i18n/routing';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function valueAt(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
}

/** The ICU arguments of a message: `{name}`, `{count, plural, …}` → name, count. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const catalogs = { en, de, fr } as Record<string, unknown>;

describe('message catalogs', () => {
  it('exist for every routed locale', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...routing.locales].sort());
  });

  for (const locale of routing.locales) {
    it(`${locale} has exactly the keys of en`, () => {
      expect(keysOf(catalogs[locale]).sort()).toEqual(keysOf(en).sort());
    });
    it(`${locale} has no empty message`, () => {
      const empty = keysOf(catalogs[locale]).filter((key) => {
        const value = valueAt(catalogs[locale], key);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    });
    it(`${locale} messages take the same arguments as en`, () => {
      const differ = keysOf(en).filter((key) => {
        const theirs = valueAt(catalogs[locale], key);
        return typeof theirs === 'string' && argumentsOf(theirs).join() !== argumentsOf(valueAt(en, key) as string).join();
      });
      expect(differ).toEqual([]);
    });
  }

  it('French puts a narrow no-break space (U+202F) before : ? ! ;', () => {
    const wrong = keysOf(fr).filter((key) => /(?:[^\u202f]|^)[:?!;](?=\s|$)/u.test(valueAt(fr, key) as string));
    expect(wrong).toEqual([]);
  });
});
