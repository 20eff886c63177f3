import { getTranslations } from 'next-intl/server';

type Props = { params: Promise<{ tenant: string }> };

export default async function TenantHome({ params }: Props) {
  const { tenant } = await params;
  const t = await getTranslations('Tenant');
  return (
    <section className="page">
      <h1>{t('title', { shortName: tenant })}</h1>
    </section>
  );
}
