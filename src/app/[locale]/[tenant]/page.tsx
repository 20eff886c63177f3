import { getTranslations } from 'next-intl/server';
import { enterLocale } from '@/i18n/enterLocale';
import { Link } from '@/i18n/navigation';
import { requireOrgAccess } from '@/lib/auth';

type Props = { params: Promise<{ locale: string; tenant: string }> };

export default async function TenantDashboard({ params }: Props) {
  await enterLocale(params);
  const { tenant: shortName } = await params;
  const { tenant, role } = await requireOrgAccess(shortName);
  const t = await getTranslations('Tenant');
  return (
    <section className="page" data-testid="tenant-dashboard">
      {/* Clerk hosts the logo; optimising it through next/image would only proxy it. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {tenant.logoUrl && <img src={tenant.logoUrl} alt="" className="logo" />}
      <h1 data-testid="tenant-name">{tenant.name}</h1>
      <p data-testid="tenant-role">{t('role', { role: role === 'org:admin' ? t('roleAdmin') : t('roleMember') })}</p>
      {tenant.isTestOrg && (
        <p>
          <span className="badge" data-testid="test-org-badge">
            {t('testOrgBadge')}
          </span>{' '}
          {t('testOrgExplained')}
        </p>
      )}
      {role === 'org:admin' && (
        <nav className="actions">
          <Link href={`/${tenant.shortName}/settings`}>{t('settings')}</Link>
          <Link href={`/${tenant.shortName}/members`}>{t('members')}</Link>
        </nav>
      )}
    </section>
  );
}
