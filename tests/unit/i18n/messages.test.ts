import { describe, expect, it } from 'vitest';
import de from '@/i18n/messages/de.json';
import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { routing } from '@/i18n/routing';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
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
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs[locale]);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    });
  }
});
