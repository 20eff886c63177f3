import type { ClerkClient } from '@clerk/backend';
import { callClerk } from './client';
import { type ClerkOrg, toClerkOrg } from './types';

// Instance-wide bulk reads (BAPI 2026-05-12): a whole instance's orgs,
// memberships and pending invitations in pages of 500, and users by up to 100
// email addresses a call. CSV import and export read Clerk's state this way
// instead of once per row (issue 12: 6 calls per row before).

const PAGE = 500;
const EMAILS_PER_CALL = 100;

export type BulkMembership = { organizationId: string; userId: string; role: string; identifier: string };
export type BulkInvitation = { organizationId: string; emailAddress: string; role: string };

type Paged<T> = { data: T[]; totalCount: number };

/**
 * Every page of a listing, each reduced by `keep` as it arrives: the first
 * page says how many there are, the rest are asked for together (lib/clerk's
 * gate bounds how many run at once). Reducing a page at once lets its full
 * objects die young: holding 10,000 of them until the last page came in
 * cost a 10,000-org export a third more time in garbage collection.
 */
async function allPages<T, K>(fetchPage: (offset: number) => Promise<Paged<T>>, keep: (item: T) => K): Promise<K[]> {
  const kept = async (offset: number) => {
    const page = await fetchPage(offset);
    return { data: page.data.map(keep), totalCount: page.totalCount };
  };
  const first = await kept(0);
  const offsets: number[] = [];
  for (let offset = PAGE; offset < first.totalCount; offset += PAGE) offsets.push(offset);
  const rest = await Promise.all(offsets.map(kept));
  return [first, ...rest].flatMap((p) => p.data);
}

export async function listAllOrganizations(): Promise<ClerkOrg[]> {
  return allPages(
    (offset) => callClerk('list organizations', (c) => c.organizations.getOrganizationList({ limit: PAGE, offset, orderBy: '+created_at' })),
    toClerkOrg,
  );
}

export async function listAllMemberships(): Promise<BulkMembership[]> {
  return allPages(
    (offset) =>
      callClerk('list memberships', (c) => c.organizations.getInstanceOrganizationMembershipList({ limit: PAGE, offset, orderBy: '+created_at' })),
    (m) => ({
      organizationId: m.organization.id,
      userId: m.publicUserData?.userId ?? '',
      role: m.role,
      identifier: (m.publicUserData?.identifier ?? '').toLowerCase(),
    }),
  );
}

type RawInvitation = { organizationId: string; emailAddress: string; role: string };
type RawRequest<T> = (options: { method: 'GET'; path: string; queryParams: Record<string, unknown> }) => Promise<T>;

/**
 * @clerk/backend 3.25 has no method for `GET /organization_invitations` (and
 * its getUserList adds a `/users/count` call); its own request function (auth, API version header, error shape, deserialising)
 * is reused so the call behaves like every other.
 */
function requestOf<T>(client: ClerkClient): RawRequest<T> {
  const api = client.organizations as unknown as { request: RawRequest<T> };
  return api.request.bind(api);
}

export async function listAllPendingInvitations(): Promise<BulkInvitation[]> {
  return allPages(
    (offset) =>
      callClerk('list pending invitations', (c) =>
        requestOf<Paged<RawInvitation>>(c)({ method: 'GET', path: '/organization_invitations', queryParams: { status: 'pending', limit: PAGE, offset, orderBy: '+created_at' } }),
      ),
    (i) => ({ organizationId: i.organizationId, emailAddress: i.emailAddress.toLowerCase(), role: i.role }),
  );
}

type RawUser = { id: string; emailAddresses: { emailAddress: string }[] };

/**
 * The Clerk user id of each email that has one (any of a user's addresses),
 * EMAILS_PER_CALL a call. `GET /users` through the raw request: the SDK's
 * getUserList also asks `GET /users/count` every time, doubling the calls.
 */
export async function findUserIdsByEmails(emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const found = new Map<string, string>();
  const chunks: string[][] = [];
  for (let i = 0; i < wanted.length; i += EMAILS_PER_CALL) chunks.push(wanted.slice(i, i + EMAILS_PER_CALL));
  await Promise.all(
    chunks.map(async (chunk) => {
      const users = await callClerk('find users by email', (c) =>
        requestOf<RawUser[]>(c)({ method: 'GET', path: '/users', queryParams: { emailAddress: chunk, limit: PAGE } }),
      );
      const asked = new Set(chunk);
      for (const user of users) {
        for (const address of user.emailAddresses) {
          const email = address.emailAddress.toLowerCase();
          if (asked.has(email)) found.set(email, user.id);
        }
      }
    }),
  );
  return found;
}
