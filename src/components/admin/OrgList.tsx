import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { Tenant } from '@/lib/domain';
import { ArchiveButton } from './ArchiveButton';

export type OrgListQuery = { q?: string; kind?: string; status?: string; page?: string };

type Props = { items: Tenant[]; total: number; page: number; pageSize: number; query: OrgListQuery };

/** The platform admin's org list: search, filters and paging, all on the server (a GET form and links). */
export async function OrgList({ items, total, page, pageSize, query }: Props) {
  const t = await getTranslations('Admin');
  const tl = await getTranslations('AdminOrgList');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => ({ pathname: '/admin' as const, query: { ...(query.q ? { q: query.q } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.status ? { status: query.status } : {}), page: String(n) } });
  return (
    <div data-testid="admin-org-list">
      <form method="get" role="search">
        <label>
          {tl('search')} <input type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} data-testid="org-search" />
        </label>{' '}
        <select name="kind" defaultValue={query.kind ?? ''} aria-label={t('kind')}>
          <option value="">{tl('allKinds')}</option>
          <option value="test">{t('testOrg')}</option>
          <option value="customer">{t('customerOrg')}</option>
        </select>{' '}
        <select name="status" defaultValue={query.status ?? ''} aria-label={t('status')}>
          <option value="">{tl('allStatuses')}</option>
          <option value="active">{t('statuses.active')}</option>
          <option value="archived">{t('statuses.archived')}</option>
        </select>{' '}
        <button type="submit">{tl('searchButton')}</button>
      </form>
      {items.length === 0 ? (
        <p data-testid="org-list-empty">{tl('none')}</p>
      ) : (
        <table data-testid="admin-orgs">
          <thead>
            <tr>
              <th>{t('shortName')}</th>
              <th>{t('name')}</th>
              <th>{t('kind')}</th>
              <th>{t('status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((tenant) => (
              <tr key={tenant.shortName}>
                <td>
                  <code>{tenant.shortName}</code>
                </td>
                <td>{tenant.name}</td>
                <td>{tenant.isTestOrg ? t('testOrg') : t('customerOrg')}</td>
                <td>{t(`statuses.${tenant.status}`)}</td>
                <td>{tenant.status !== 'provisioning' && <ArchiveButton shortName={tenant.shortName} archived={tenant.status === 'archived'} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={tl('page', { page, pages })}>
        {page > 1 && <Link href={pageLink(page - 1)}>{tl('previous')}</Link>} <span data-testid="org-page">{tl('page', { page, pages })}</span>{' '}
        {page < pages && <Link href={pageLink(page + 1)}>{tl('next')}</Link>}
      </nav>
    </div>
  );
}
