import { getTranslations } from 'next-intl/server';
import { TenantHeader } from '@/components/tenant/TenantHeader';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { enterLocale } from '@/i18n/enterLocale';
import { requireOrgAccess } from '@/lib/auth';
import { ORG_ROLE } from '@/lib/domain';

type Props = { params: Promise<{ locale: string; tenant: string }> };

export default async function TenantDashboard({ params }: Props) {
  const locale = await enterLocale(params);
  const { tenant: shortName } = await params;
  const { tenant, role } = await requireOrgAccess(shortName);
  const t = await getTranslations('Tenant');
  const isAdmin = role === ORG_ROLE.admin;
  return (
    <>
      <TenantHeader locale={locale} tenant={tenant} isAdmin={isAdmin} current="dashboard" />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:px-6 md:grid-cols-2" data-testid="tenant-dashboard">
        <Card>
          <CardHeader>
            <CardTitle>{t('welcomeTitle')}</CardTitle>
            <CardDescription data-testid="tenant-role">{t('role', { role: isAdmin ? t('roleAdmin') : t('roleMember') })}</CardDescription>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {tenant.isTestOrg ? <p>{t('testOrgExplained')}</p> : <p>{t('customerOrgExplained')}</p>}
          </CardContent>
        </Card>
        {isAdmin && (
          <Card>
            <CardHeader>
              <CardTitle>{t('manageTitle')}</CardTitle>
              <CardDescription>{t('manageBody')}</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-wrap gap-3">
              <a href={`/${locale}/${tenant.shortName}/members`} className={buttonClasses()}>
                {t('members')}
              </a>
              <a href={`/${locale}/${tenant.shortName}/settings`} className={buttonClasses({ variant: 'outline' })}>
                {t('settings')}
              </a>
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
