import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { workspaceOf } from '@/lib/tenants';
import { PreparingWorkspace } from './PreparingWorkspace';

/** Takes a signed-in user into their test org, or shows the waiting state until it exists. */
export async function WorkspaceEntry({ userId, locale }: { userId: string; locale: Locale }) {
  const state = await workspaceOf(userId, { provision: false });
  if (state.status === 'ready') redirect({ href: `/${state.shortName}`, locale });
  return <PreparingWorkspace />;
}
