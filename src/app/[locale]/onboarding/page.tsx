import { getTranslations } from 'next-intl/server';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

// Target of Clerk's `choose-organization` session task (ClerkProvider
// `taskUrls`), so a signed-up user never sees Clerk's create-org screen.
export default async function OnboardingPage({ params }: Props) {
  await enterLocale(params);
  const t = await getTranslations('Onboarding');
  return (
    <section className="page" data-testid="onboarding">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
    </section>
  );
}
