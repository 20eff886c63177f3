import { countEvents, type EventFilter, eventsPerHour, lastReconcileRun, listEvents, searchTenants, tenantCounts } from '@/lib/db';
import { currentImport, type DescribeProblem } from '@/lib/tenants';

/** The admin page's search parameters as the URL carries them (anything may be missing or wrong). */
export type AdminQuery = { q?: string; kind?: string; status?: string; page?: string; events?: string; type?: string; ev?: string };

export const ADMIN_PAGE_SIZE = 50;
const EVENT_STATUSES = ['failed', 'stuck', 'processing', 'processed', 'ignored'] as const;

/** A page number from the URL: 1 unless a positive integer. */
const pageOf = (value: string | undefined) => Math.max(1, Number.parseInt(value ?? '1', 10) || 1);

/**
 * Everything the platform admin's page shows (DESIGN.md §1), read at once:
 * a page of orgs under the URL's filter with the counts, a page of webhook
 * events with its total and the last 24 hours by status, the last reconcile
 * run and the current CSV import.
 */
export async function adminOverview(query: AdminQuery, describe: DescribeProblem, now: Date = new Date()) {
  const page = pageOf(query.page);
  const eventPage = pageOf(query.ev);
  const orgFilter = {
    search: query.q?.slice(0, 100) || undefined,
    kind: query.kind === 'test' || query.kind === 'customer' ? query.kind : undefined,
    status: query.status === 'active' || query.status === 'archived' ? query.status : undefined,
  } as const;
  const eventFilter: EventFilter = {
    status: EVENT_STATUSES.find((s) => s === query.events),
    type: query.type?.trim().slice(0, 100) || undefined,
  };
  const [orgs, counts, events, eventTotal, reconcileRun, currentJob, hours] = await Promise.all([
    searchTenants(orgFilter, { page, pageSize: ADMIN_PAGE_SIZE }),
    tenantCounts(),
    listEvents({ ...eventFilter, limit: ADMIN_PAGE_SIZE, offset: (eventPage - 1) * ADMIN_PAGE_SIZE }, now),
    countEvents(eventFilter, now),
    lastReconcileRun(),
    currentImport(describe),
    eventsPerHour(now),
  ]);
  return { now, page, eventPage, orgs, counts, events, eventTotal, reconcileRun, currentJob, hours };
}
