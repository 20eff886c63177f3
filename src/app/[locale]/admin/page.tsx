import { getFormatter, getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/admin/ImportPanel';
import { OrgList, type OrgListQuery } from '@/components/admin/OrgList';
import { EventChart } from '@/components/admin/EventChart';
import { EventLog, type EventLogQuery } from '@/components/admin/EventLog';
import { ClientMessages } from '@/components/layout/ClientMessages';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { csvProblemText } from '@/i18n/csvProblemText';
import { enterLocale } from '@/i18n/enterLocale';
import { ADMIN_PAGE_SIZE as PAGE_SIZE, adminOverview } from '@/lib/admin';
import { requirePlatformAdmin } from '@/lib/auth';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<EventLogQuery & OrgListQuery> };

// Platform admins (DESIGN.md §1): every org, and the webhook event log with
// replay of failed events. Anyone else gets the not-found page.
export default async function AdminPage({ params, searchParams }: Props) {
  const locale = await enterLocale(params);
  await requirePlatformAdmin();
  const query = await searchParams;
  const { now, page, eventPage, orgs: list, counts, events, eventTotal, reconcileRun, currentJob, hours } = await adminOverview(query, csvProblemText(locale));
  const t = await getTranslations('Admin');
  const tc = await getTranslations('AdminCsv');
  const format = await getFormatter();
  const when = reconcileRun && format.dateTime(reconcileRun.startedAt, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    // The admin area's client components (archive dialogs, import panel, replay) need their namespaces in the browser.
    <ClientMessages namespaces={['Admin', 'AdminCsv', 'AdminOrgList', 'CsvProblems']}>
    <section className="page flex flex-col gap-6" data-testid="admin-page">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('orgs', { count: counts.all })}</CardTitle>
        </CardHeader>
        <CardContent>
          <OrgList items={list.items} total={list.total} page={page} pageSize={PAGE_SIZE} query={query} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle>{tc('title')}</CardTitle>
          <a href="/api/admin/orgs/export" data-testid="csv-export" download className={buttonClasses({ variant: 'outline', size: 'sm' })}>
            {tc('export')}
          </a>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ImportPanel initial={currentJob} />
          <CardDescription data-testid="reconcile-last" className={reconcileRun?.error ? 'text-destructive' : undefined}>
            {reconcileRun && when
              ? reconcileRun.error
                ? tc('reconcileFailed', { when, error: reconcileRun.error })
                : tc('reconcile', { when, findings: reconcileRun.findings, fixed: reconcileRun.fixed })
              : tc('reconcileNever')}
          </CardDescription>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('events')}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <EventChart hours={hours} />
          <EventLog events={events} total={eventTotal} page={eventPage} pageSize={PAGE_SIZE} query={query} now={now} />
        </CardContent>
      </Card>
    </section>
    </ClientMessages>
  );
}
