import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { children: ReactNode; params: Promise<{ locale: string; tenant: string }> };

// The tenant area. The middleware already requires a session here; access to
// the tenant itself is checked by requireOrgAccess (tenancy issue).
export default async function TenantLayout({ children, params }: Props) {
  await enterLocale(params);
  const { tenant } = await params;
  if (!/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/.test(tenant)) notFound();
  return <div data-testid="tenant-area">{children}</div>;
}
