import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActivateOrg } from '@/components/tenant/ActivateOrg';
import { enterLocale } from '@/i18n/enterLocale';
import { getOrgAccess } from '@/lib/auth';
import { isValidShortName } from '@/lib/domain';

type Props = { children: ReactNode; params: Promise<{ locale: string; tenant: string }> };

// The tenant area. The middleware requires a session; every page checks
// access itself with requireOrgAccess (layouts guard nothing). The decision
// is shared with the page, so reading it here costs nothing extra.
export default async function TenantLayout({ children, params }: Props) {
  await enterLocale(params);
  const { tenant } = await params;
  // `/en/x.png` can never be a tenant: the not-found page, not a look-up.
  if (!isValidShortName(tenant)) notFound();
  const access = await getOrgAccess(tenant);
  return (
    <div data-testid="tenant-area">
      {access.kind === 'granted' && <ActivateOrg clerkOrgId={access.tenant.clerkOrgId} />}
      {children}
    </div>
  );
}
