import { getTranslations } from 'next-intl/server';
import { PreparingWorkspace } from '@/components/onboarding/PreparingWorkspace';
import { buttonClasses } from '@/components/ui/button';
import { enterLocale } from '@/i18n/enterLocale';
import { Link, redirect } from '@/i18n/navigation';
import { signedInSession } from '@/lib/auth';
import { entryWorkspace } from '@/lib/tenants';

type Props = { params: Promise<{ locale: string }> };

// Signed out: the landing page. Signed in: straight into the org active in
// the session (an invitee's inviting org) or the user's test org (DESIGN.md §3
// Onboarding) — Clerk sends every new sign-up here — or the waiting state
// until it exists.
export default async function HomePage({ params }: Props) {
  const locale = await enterLocale(params);
  const session = await signedInSession();
  if (session) {
    const workspace = await entryWorkspace(session.userId, session.orgId);
    if (workspace.status === 'ready') redirect({ href: `/${workspace.shortName}`, locale });
    return <PreparingWorkspace />;
  }

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
