import { getFormatter, getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/admin/ImportPanel';
import { OrgList, type OrgListQuery } from '@/components/admin/OrgList';
import { EventLog, type EventLogQuery } from '@/components/admin/EventLog';
import { enterLocale } from '@/i18n/enterLocale';
import { requirePlatformAdmin } from '@/lib/auth';
import { countEvents, type EventFilter, lastReconcileRun, listEvents, searchTenants, tenantCounts } from '@/lib/db';
import { currentImport } from '@/lib/tenants';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<EventLogQuery & OrgListQuery> };

const PAGE_SIZE = 50;
const EVENT_STATUSES = ['failed', 'stuck', 'processing', 'processed', 'ignored'] as const;

// Platform admins (DESIGN.md §1): every org, and the webhook event log with
// replay of failed events. Anyone else gets the not-found page.
export default async function AdminPage({ params, searchParams }: Props) {
  await enterLocale(params);
  await requirePlatformAdmin();
  const query = await searchParams;
  const eventPage = Math.max(1, Number.parseInt(query.ev ?? '1', 10) || 1);
  const eventFilter: EventFilter = {
    status: EVENT_STATUSES.find((s) => s === query.events),
    type: query.type?.trim().slice(0, 100) || undefined,
  };
  const now = new Date();
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const filter = {
    search: query.q?.slice(0, 100) || undefined,
    kind: query.kind === 'test' || query.kind === 'customer' ? query.kind : undefined,
    status: query.status === 'active' || query.status === 'archived' ? query.status : undefined,
  } as const;
  const [list, counts, events, eventTotal, reconcileRun, currentJob] = await Promise.all([
    searchTenants(filter, { page, pageSize: PAGE_SIZE }),
    tenantCounts(),
    listEvents({ ...eventFilter, limit: PAGE_SIZE, offset: (eventPage - 1) * PAGE_SIZE }, now),
    countEvents(eventFilter, now),
    lastReconcileRun(),
    currentImport(),
  ]);
  const t = await getTranslations('Admin');
  const tc = await getTranslations('AdminCsv');
  const format = await getFormatter();
  return (
    <section className="page" data-testid="admin-page">
      <h1>{t('title')}</h1>
      <h2>{t('orgs', { count: counts.all })}</h2>
      <OrgList items={list.items} total={list.total} page={page} pageSize={PAGE_SIZE} query={query} />
      <h2>{tc('title')}</h2>
      <p>
        <a href="/api/admin/orgs/export" data-testid="csv-export" download>
          {tc('export')}
        </a>
      </p>
      <ImportPanel initial={currentJob} />
      <p data-testid="reconcile-last">
        {reconcileRun
          ? reconcileRun.error
            ? tc('reconcileFailed', { when: format.dateTime(reconcileRun.startedAt, { dateStyle: 'short', timeStyle: 'medium' }), error: reconcileRun.error })
            : tc('reconcile', { when: format.dateTime(reconcileRun.startedAt, { dateStyle: 'short', timeStyle: 'medium' }), findings: reconcileRun.findings, fixed: reconcileRun.fixed })
          : tc('reconcileNever')}
      </p>
      <h2>{t('events')}</h2>
      <EventLog events={events} total={eventTotal} page={eventPage} pageSize={PAGE_SIZE} query={query} now={now} />
    </section>
  );
}
