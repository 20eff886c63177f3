'use client';

import { useParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import type { ChangeEvent } from 'react';
import { Select } from '@/components/ui/input';
import { usePathname, useRouter } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

export function LocaleSwitcher() {
  const t = useTranslations('LocaleSwitcher');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams();

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    // @ts-expect-error -- pathname and params come from the current route, so they always match.
    router.replace({ pathname, params }, { locale: event.target.value });
  }

  return (
    <Select aria-label={t('label')} value={locale} onChange={onChange} data-testid="locale-switcher" className="h-8">
      {routing.locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(l)}
        </option>
      ))}
    </Select>
  );
}
