import type { Locale } from './routing';

// The middleware's 413 text. Kept here rather than in messages/*.json: the
// middleware answers before next-intl runs and should not bundle every message.
const MESSAGES: Record<Locale, string> = {
  en: 'The request is too large: at most 21 MB can be sent at once. Please choose a smaller file.',
  de: 'Die Anfrage ist zu groß: höchstens 21 MB können auf einmal gesendet werden. Bitte wählen Sie eine kleinere Datei.',
  fr: 'La requête est trop volumineuse : 21 Mo au plus peuvent être envoyés à la fois. Veuillez choisir un fichier plus petit.',
};

export function tooLargeMessage(locale: Locale): string {
  return MESSAGES[locale];
}
