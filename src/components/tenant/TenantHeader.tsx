import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { Locale } from '@/i18n/routing';

type Props = {
  locale: Locale;
  tenant: { shortName: string; name: string; logoUrl: string | null; isTestOrg: boolean };
  isAdmin: boolean;
  current: 'dashboard' | 'members' | 'settings';
};

/** The org's logo (or initials), name and, for admins, its sections. The name is the page title on the dashboard. */
export async function TenantHeader({ locale, tenant, isAdmin, current }: Props) {
  const t = await getTranslations({ locale, namespace: 'Tenant' });
  const base = `/${locale}/${tenant.shortName}`;
  const tabs = [
    { key: 'dashboard', href: base, label: t('nav.dashboard') },
    { key: 'members', href: `${base}/members`, label: t('nav.members') },
    { key: 'settings', href: `${base}/settings`, label: t('nav.settings') },
  ] as const;
  return (
    <div className="border-b bg-card">
      <div className="mx-auto max-w-5xl px-4 pt-6 sm:px-6">
        <div className="flex items-center gap-4">
          <Avatar src={tenant.logoUrl} label={tenant.name} alt={tenant.logoUrl ? t('logoAlt', { name: tenant.name }) : ''} size="lg" square />
          <div className="min-w-0">
            {current === 'dashboard' ? (
              <h1 className="truncate text-2xl font-bold tracking-tight" data-testid="tenant-name">
                {tenant.name}
              </h1>
            ) : (
              <p className="truncate text-2xl font-bold tracking-tight">{tenant.name}</p>
            )}
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <span>{tenant.shortName}</span>
              {tenant.isTestOrg && (
                <Badge tone="warning" data-testid="test-org-badge">
                  {t('testOrgBadge')}
                </Badge>
              )}
            </p>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="mt-4 -mb-px flex gap-1">
          {(isAdmin ? tabs : tabs.slice(0, 1)).map((tab) => (
            <a
              key={tab.key}
              href={tab.href}
              aria-current={tab.key === current ? 'page' : undefined}
              className={cn(
                'border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline',
                tab.key === current ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
              )}
            >
              {tab.label}
            </a>
          ))}
        </nav>
      </div>
    </div>
  );
}
