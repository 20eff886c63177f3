import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Table, TableCell, TableEmpty, TableHeader } from '@/components/ui/table';
import type { WebhookEventRecord } from '@/lib/db';
import { Pager } from './Pager';
import { ReplayButton } from './ReplayButton';

export type EventLogQuery = { events?: string; type?: string; ev?: string };

const STATUSES = ['failed', 'stuck', 'processing', 'processed', 'ignored'] as const;
const TONE: Record<(typeof STATUSES)[number], BadgeTone> = { failed: 'danger', stuck: 'warning', processing: 'primary', processed: 'success', ignored: 'neutral' };

type Props = { events: WebhookEventRecord[]; total: number; page: number; pageSize: number; query: EventLogQuery; now: Date };

function isStuck(event: WebhookEventRecord, now: Date): boolean {
  return event.status === 'processing' && (!event.leaseUntil || new Date(event.leaseUntil) < now);
}

/** The webhook event log: filters by status (stuck included) and type, paging, an empty state, replay of failed and stuck events. */
export async function EventLog({ events, total, page, pageSize, query, now }: Props) {
  const t = await getTranslations('Admin');
  const te = await getTranslations('AdminEvents');
  const onlyFailed = query.events === 'failed';
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => ({ pathname: '/admin' as const, query: { ...(query.events ? { events: query.events } : {}), ...(query.type ? { type: query.type } : {}), ev: String(n) } });
  return (
    <div data-testid="admin-event-log" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <EventFilter query={query} />
        <Link href={onlyFailed ? '/admin' : '/admin?events=failed'} className={buttonClasses({ variant: onlyFailed ? 'outline' : 'ghost-destructive', size: 'sm' })}>
          {onlyFailed ? t('showAll') : t('showFailed')}
        </Link>
      </div>
      {events.length === 0 ? (
        <TableEmpty data-testid="admin-events-empty">{te('empty')}</TableEmpty>
      ) : (
        <Table data-testid="admin-events">
          <TableHeader columns={[{ label: t('received') }, { label: t('type') }, { label: t('status') }, { label: t('attempts') }, { label: t('lastError') }, {}]} />
          <tbody>
            {events.map((event) => (
              <EventRow key={event.svixId} event={event} now={now} />
            ))}
          </tbody>
        </Table>
      )}
      <Pager
        label={te('pages')}
        pageText={te('page', { page, pages })}
        previous={te('previous')}
        next={te('next')}
        previousHref={page > 1 ? pageLink(page - 1) : null}
        nextHref={page < pages ? pageLink(page + 1) : null}
      />
    </div>
  );
}

/** The log's GET form: a status (stuck included) and a type. */
async function EventFilter({ query }: { query: EventLogQuery }) {
  const t = await getTranslations('Admin');
  const te = await getTranslations('AdminEvents');
  return (
  <form method="get" aria-label={te('filter')} className="flex flex-wrap items-end gap-2">
    <Select name="events" defaultValue={query.events ?? ''} aria-label={t('status')}>
      <option value="">{te('allStatuses')}</option>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {te(`statuses.${s}`)}
        </option>
      ))}
    </Select>
    <label className="flex flex-col gap-1 text-sm font-medium">
      {t('type')} <Input name="type" defaultValue={query.type ?? ''} maxLength={100} placeholder={te('typePlaceholder')} className="w-48" />
    </label>
    <Button type="submit" variant="secondary">
      {te('apply')}
    </Button>
  </form>
  );
}

/** One event: when, type, status (stuck when its lease ran out), attempts, last error, and replay when it failed or is stuck. */
async function EventRow({ event, now }: { event: WebhookEventRecord; now: Date }) {
  const te = await getTranslations('AdminEvents');
  const format = await getFormatter();
  const status = isStuck(event, now) ? 'stuck' : event.status;
  return (
    <tr data-testid="admin-event" data-svix-id={event.svixId}>
      <TableCell className="whitespace-nowrap tabular-nums">{format.dateTime(event.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</TableCell>
      <TableCell>
        <code className="font-mono text-xs">{event.type}</code>
      </TableCell>
      <TableCell>
        <Badge tone={TONE[status]} data-status={status}>
          {te(`statuses.${status}`)}
        </Badge>
      </TableCell>
      <TableCell className="tabular-nums">{format.number(event.attempts)}</TableCell>
      <TableCell className="max-w-xs break-words text-muted-foreground">{event.lastError}</TableCell>
      <TableCell className="text-right">{(status === 'failed' || status === 'stuck') && <ReplayButton svixId={event.svixId} />}</TableCell>
    </tr>
  );
}
