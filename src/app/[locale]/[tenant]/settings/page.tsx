import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/ClientMessages';
import { OrgSettingsForm } from '@/components/settings/OrgSettingsForm';
import { TenantHeader } from '@/components/tenant/TenantHeader';
import { enterLocale } from '@/i18n/enterLocale';
import { requireOrgAccess } from '@/lib/auth';
import { ORG_ROLE } from '@/lib/domain';

type Props = { params: Promise<{ locale: string; tenant: string }> };

// Org admins only (DESIGN.md §1): rename and logo; both locked on test orgs.
export default async function OrgSettingsPage({ params }: Props) {
  const locale = await enterLocale(params);
  const { tenant: shortName } = await params;
  const { tenant } = await requireOrgAccess(shortName, { role: ORG_ROLE.admin });
  const t = await getTranslations('Settings');
  return (
    <>
      <TenantHeader locale={locale} tenant={tenant} isAdmin current="settings" />
      <section className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6" data-testid="org-settings">
        <h1 className="text-xl font-semibold">{t('title', { name: tenant.name })}</h1>
        <ClientMessages namespaces={['Settings']}>
          <OrgSettingsForm shortName={tenant.shortName} name={tenant.name} logoUrl={tenant.logoUrl} locked={tenant.isTestOrg} />
        </ClientMessages>
      </section>
    </>
  );
}
