import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { WebhookEventRecord } from '@/lib/db';
import { ReplayButton } from './ReplayButton';

export type EventLogQuery = { events?: string; type?: string; ev?: string };

const STATUSES = ['failed', 'stuck', 'processing', 'processed', 'ignored'] as const;

type Props = { events: WebhookEventRecord[]; total: number; page: number; pageSize: number; query: EventLogQuery; now: Date };

function isStuck(event: WebhookEventRecord, now: Date): boolean {
  return event.status === 'processing' && (!event.leaseUntil || new Date(event.leaseUntil) < now);
}

/** The webhook event log: filters by status (stuck included) and type, paging, an empty state, replay of failed and stuck events. */
export async function EventLog({ events, total, page, pageSize, query, now }: Props) {
  const t = await getTranslations('Admin');
  const te = await getTranslations('AdminEvents');
  const format = await getFormatter();
  const onlyFailed = query.events === 'failed';
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => ({ pathname: '/admin' as const, query: { ...(query.events ? { events: query.events } : {}), ...(query.type ? { type: query.type } : {}), ev: String(n) } });
  return (
    <div data-testid="admin-event-log">
      <p>
        <Link href={onlyFailed ? '/admin' : '/admin?events=failed'}>{onlyFailed ? t('showAll') : t('showFailed')}</Link>
      </p>
      <form method="get" aria-label={te('filter')}>
        <select name="events" defaultValue={query.events ?? ''} aria-label={t('status')}>
          <option value="">{te('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {te(`statuses.${s}`)}
            </option>
          ))}
        </select>{' '}
        <label>
          {t('type')} <input name="type" defaultValue={query.type ?? ''} maxLength={100} placeholder={te('typePlaceholder')} />
        </label>{' '}
        <button type="submit">{te('apply')}</button>
      </form>
      {events.length === 0 ? (
        <p data-testid="admin-events-empty">{te('empty')}</p>
      ) : (
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
            {events.map((event) => {
              const stuck = isStuck(event, now);
              return (
                <tr key={event.svixId} data-testid="admin-event">
                  <td>{format.dateTime(event.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td>
                    <code>{event.type}</code>
                  </td>
                  <td>{stuck ? te('statuses.stuck') : event.status}</td>
                  <td>{event.attempts}</td>
                  <td>{event.lastError}</td>
                  <td>{(event.status === 'failed' || stuck) && <ReplayButton svixId={event.svixId} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav aria-label={te('pages')}>
        {page > 1 && <Link href={pageLink(page - 1)}>{te('previous')}</Link>} <span>{te('page', { page, pages })}</span>{' '}
        {page < pages && <Link href={pageLink(page + 1)}>{te('next')}</Link>}
      </nav>
    </div>
  );
}
