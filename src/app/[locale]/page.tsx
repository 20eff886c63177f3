import { getTranslations } from 'next-intl/server';
import { WorkspaceEntry } from '@/components/onboarding/WorkspaceEntry';
import { buttonClasses } from '@/components/ui/button';
import { enterLocale } from '@/i18n/enterLocale';
import { Link } from '@/i18n/navigation';
import { signedInSession } from '@/lib/auth';

type Props = { params: Promise<{ locale: string }> };

// Signed out: the landing page. Signed in: straight into the user's test org
// (DESIGN.md §3 Onboarding) — Clerk sends every new sign-up here.
export default async function HomePage({ params }: Props) {
  const locale = await enterLocale(params);
  const session = await signedInSession();
  if (session) return <WorkspaceEntry userId={session.userId} activeOrgId={session.orgId} locale={locale} />;

  const t = await getTranslations('Landing');
  return (
    <section className="mx-auto flex max-w-3xl flex-col items-center px-4 py-20 text-center sm:py-28" data-testid="landing">
      <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
      <p className="mt-5 max-w-xl text-lg text-muted-foreground">{t('lead')}</p>
      <div className="mt-10 flex flex-wrap justify-center gap-3">
        <Link href="/sign-up" className={buttonClasses({ size: 'lg' })}>
          {t('getStarted')}
        </Link>
        <Link href="/sign-in" className={buttonClasses({ size: 'lg', variant: 'outline' })}>
          {t('haveAccount')}
        </Link>
      </div>
    </section>
  );
}
