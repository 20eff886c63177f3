import { getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Table, TableCell, TableEmpty, TableHeader } from '@/components/ui/table';
import type { Tenant } from '@/lib/domain';
import { ArchiveButton } from './ArchiveButton';
import { Pager } from './Pager';

export type OrgListQuery = { q?: string; kind?: string; status?: string; page?: string };

type Props = { items: Tenant[]; total: number; page: number; pageSize: number; query: OrgListQuery };

const STATUS_TONE: Record<Tenant['status'], BadgeTone> = { active: 'success', archived: 'neutral', provisioning: 'warning' };

/** The platform admin's org list: search, filters and paging, all on the server (a GET form and links). */
export async function OrgList({ items, total, page, pageSize, query }: Props) {
  const t = await getTranslations('Admin');
  const tl = await getTranslations('AdminOrgList');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => ({ pathname: '/admin' as const, query: { ...(query.q ? { q: query.q } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.status ? { status: query.status } : {}), page: String(n) } });
  return (
    <div data-testid="admin-org-list" className="flex flex-col gap-4">
      <OrgFilter query={query} />
      {items.length === 0 ? (
        <TableEmpty data-testid="org-list-empty">{tl('none')}</TableEmpty>
      ) : (
        <Table data-testid="admin-orgs">
          <TableHeader columns={[{ label: t('shortName') }, { label: t('name') }, { label: t('kind') }, { label: t('status') }, {}]} />
          <tbody>
            {items.map((tenant) => (
              <tr key={tenant.shortName}>
                <TableCell>
                  <code className="font-mono text-xs">{tenant.shortName}</code>
                </TableCell>
                <TableCell>{tenant.name}</TableCell>
                <TableCell>
                  <Badge tone={tenant.isTestOrg ? 'primary' : 'neutral'}>{tenant.isTestOrg ? t('testOrg') : t('customerOrg')}</Badge>
                </TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[tenant.status]}>{t(`statuses.${tenant.status}`)}</Badge>
                </TableCell>
                <TableCell className="text-right">{tenant.status !== 'provisioning' && <ArchiveButton shortName={tenant.shortName} archived={tenant.status === 'archived'} />}</TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager
        label={tl('page', { page, pages })}
        pageText={tl('page', { page, pages })}
        previous={tl('previous')}
        next={tl('next')}
        previousHref={page > 1 ? pageLink(page - 1) : null}
        nextHref={page < pages ? pageLink(page + 1) : null}
        testId="org-page"
      />
    </div>
  );
}

/** The list's GET form: a search and the kind and status filters. */
async function OrgFilter({ query }: { query: OrgListQuery }) {
  const t = await getTranslations('Admin');
  const tl = await getTranslations('AdminOrgList');
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">
        {tl('search')} <Input type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} data-testid="org-search" />
      </label>
      <Select name="kind" defaultValue={query.kind ?? ''} aria-label={t('kind')}>
        <option value="">{tl('allKinds')}</option>
        <option value="test">{t('testOrg')}</option>
        <option value="customer">{t('customerOrg')}</option>
      </Select>
      <Select name="status" defaultValue={query.status ?? ''} aria-label={t('status')}>
        <option value="">{tl('allStatuses')}</option>
        <option value="active">{t('statuses.active')}</option>
        <option value="archived">{t('statuses.archived')}</option>
      </Select>
      <Button type="submit" variant="secondary">
        {tl('searchButton')}
      </Button>
    </form>
  );
}
