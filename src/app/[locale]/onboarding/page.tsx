import { PreparingWorkspace } from '@/components/onboarding/PreparingWorkspace';
import { enterLocale } from '@/i18n/enterLocale';
import { redirect } from '@/i18n/navigation';
import { taskSession } from '@/lib/auth';
import { ensureWorkspace } from '@/lib/tenants';

type Props = { params: Promise<{ locale: string }> };

// Target of Clerk's `choose-organization` session task (ClerkProvider
// `taskUrls`), instead of Clerk's create-org screen: the one page that sees a
// pending session as its user (DESIGN.md §3 Onboarding). It finds or
// provisions the test org and completes the task by making it the active org.
// Reloaded mid-task, opened in a second tab, or reached with a session that is
// no longer pending, it ends in the tenant all the same.
export default async function OnboardingPage({ params }: Props) {
  const locale = await enterLocale(params);
  const session = await taskSession();
  if (!session) return redirect({ href: '/sign-in', locale });
  const state = await ensureWorkspace(session.userId, { provision: false });
  if (state.status === 'ready' && !session.pending) return redirect({ href: `/${state.shortName}`, locale });
  const ready = state.status === 'ready' ? { shortName: state.shortName, clerkOrgId: state.clerkOrgId } : undefined;
  return <PreparingWorkspace ready={ready} completesTask={session.pending} />;
}
