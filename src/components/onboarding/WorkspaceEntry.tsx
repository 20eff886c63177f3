import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { entryWorkspace } from '@/lib/tenants';
import { PreparingWorkspace } from './PreparingWorkspace';

/**
 * Takes a signed-in user into the org active in their session (an invitee's
 * inviting org) or their test org, or shows the waiting state until it exists.
 */
export async function WorkspaceEntry({ userId, activeOrgId, locale }: { userId: string; activeOrgId: string | null; locale: Locale }) {
  const state = await entryWorkspace(userId, activeOrgId);
  if (state.status === 'ready') redirect({ href: `/${state.shortName}`, locale });
  return <PreparingWorkspace />;
}
