'use client';

import { useOrganizationList } from '@clerk/nextjs';
import { useParams, useRouter } from 'next/navigation';
import type { ChangeEvent } from 'react';
import { Select } from '@/components/ui/input';

type Props = { locale: string; label: string };

/**
 * For people in several orgs (invited admins are): a switch between their
 * orgs' dashboards. Hidden for the usual one-org user. The memberships come
 * from Clerk's Frontend API in the browser, never from a server-side call.
 */
export function OrgSwitcher({ locale, label }: Props) {
  const router = useRouter();
  // The org on screen is the one in the URL (the session's active org follows it).
  const { tenant } = useParams<{ tenant?: string }>();
  const { isLoaded, userMemberships } = useOrganizationList({ userMemberships: { pageSize: 50 } });
  const orgs = isLoaded ? (userMemberships.data ?? []).map((m) => m.organization).filter((o) => o.slug) : [];
  if (orgs.length < 2) return null;
  const current = orgs.some((o) => o.slug === tenant) ? tenant! : '';

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    if (event.target.value) router.push(`/${locale}/${event.target.value}`);
  }

  return (
    <Select aria-label={label} value={current} onChange={onChange} data-testid="org-switcher" className="max-w-48">
      {!current && <option value="">{label}</option>}
      {orgs.map((o) => (
        <option key={o.id} value={o.slug!}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}
