import { WorkspaceEntry } from '@/components/onboarding/WorkspaceEntry';
import { enterLocale } from '@/i18n/enterLocale';
import { redirect } from '@/i18n/navigation';
import { currentUserId } from '@/lib/auth';

type Props = { params: Promise<{ locale: string }> };

// Target of Clerk's `choose-organization` session task (ClerkProvider
// `taskUrls`): instead of Clerk's create-org screen, the user's own test org.
export default async function OnboardingPage({ params }: Props) {
  const locale = await enterLocale(params);
  const userId = await currentUserId();
  if (!userId) return redirect({ href: '/sign-in', locale });
  return <WorkspaceEntry userId={userId} locale={locale} />;
}
