import { enterLocale } from '@/i18n/enterLocale';
import { ClerkCard } from './ClerkCard';

/** The sign-in and sign-up pages: Clerk's card, centred, in the page's language. */
export async function ClerkCardPage({ kind, params }: { kind: 'sign-in' | 'sign-up'; params: Promise<{ locale: string }> }) {
  const locale = await enterLocale(params);
  return (
    <div className="flex justify-center px-4 py-12" data-testid={kind}>
      <ClerkCard kind={kind} locale={locale} />
    </div>
  );
}
