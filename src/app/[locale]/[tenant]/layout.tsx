import type { ReactNode } from 'react';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { children: ReactNode; params: Promise<{ locale: string; tenant: string }> };

// The tenant area. The middleware requires a session; every page here checks
// access to the tenant itself with requireOrgAccess.
export default async function TenantLayout({ children, params }: Props) {
  await enterLocale(params);
  return <div data-testid="tenant-area">{children}</div>;
}
