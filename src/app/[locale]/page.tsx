import { getTranslations } from 'next-intl/server';
import { WorkspaceEntry } from '@/components/onboarding/WorkspaceEntry';
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
    <section className="page" data-testid="landing">
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <div className="actions">
        <Link href="/sign-up" className="button">
          {t('getStarted')}
        </Link>
        <Link href="/sign-in" className="button secondary">
          {t('haveAccount')}
        </Link>
      </div>
    </section>
  );
}
