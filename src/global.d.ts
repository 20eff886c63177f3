import type { routing } from '@/i18n/routing';
import type messages from '@/i18n/messages/en.json';

// Typed message keys and locales for next-intl (AppConfig augmentation).
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
