import { getFormatter, getTranslations } from 'next-intl/server';
import { CsvImportForm } from '@/components/admin/CsvImportForm';
import { ReplayButton } from '@/components/admin/ReplayButton';
import { enterLocale } from '@/i18n/enterLocale';
import { Link } from '@/i18n/navigation';
import { requirePlatformAdmin } from '@/lib/auth';
import { countTenants, dbReady, listEvents, listTenants } from '@/lib/db';
import { env } from '@/lib/env';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ events?: string }> };

// Platform admins (DESIGN.md §1): every org, and the webhook event log with
// replay of failed events. Anyone else gets the not-found page.
export default async function AdminPage({ params, searchParams }: Props) {
  await enterLocale(params);
  await requirePlatformAdmin();
  const onlyFailed = (await searchParams).events === 'failed';
  await dbReady(env().MONGODB_URI);
  const [tenants, total, events] = await Promise.all([
    listTenants({ limit: 200 }),
    countTenants(),
    listEvents({ status: onlyFailed ? 'failed' : undefined, limit: 50 }),
  ]);
  const t = await getTranslations('Admin');
  const tc = await getTranslations('AdminCsv');
  const format = await getFormatter();
  return (
    <section className="page" data-testid="admin-page">
      <h1>{t('title')}</h1>
      <h2>{t('orgs', { count: total })}</h2>
      <table data-testid="admin-orgs">
        <thead>
          <tr>
            <th>{t('shortName')}</th>
            <th>{t('name')}</th>
            <th>{t('kind')}</th>
            <th>{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((tenant) => (
            <tr key={tenant.shortName}>
              <td>
                <code>{tenant.shortName}</code>
              </td>
              <td>{tenant.name}</td>
              <td>{tenant.isTestOrg ? t('testOrg') : t('customerOrg')}</td>
              <td>{t(`statuses.${tenant.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tc('title')}</h2>
      <p>
        <a href="/api/admin/orgs/export" data-testid="csv-export" download>
          {tc('export')}
        </a>
      </p>
      <CsvImportForm />
      <h2>{t('events')}</h2>
      <p>
        <Link href={onlyFailed ? '/admin' : '/admin?events=failed'}>{onlyFailed ? t('showAll') : t('showFailed')}</Link>
      </p>
      <table data-testid="admin-events">
        <thead>
          <tr>
            <th>{t('received')}</th>
            <th>{t('type')}</th>
            <th>{t('status')}</th>
            <th>{t('attempts')}</th>
            <th>{t('lastError')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.svixId} data-testid="admin-event">
              <td>{format.dateTime(event.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
              <td>
                <code>{event.type}</code>
              </td>
              <td>{event.status}</td>
              <td>{event.attempts}</td>
              <td>{event.lastError}</td>
              <td>{event.status === 'failed' && <ReplayButton svixId={event.svixId} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
