import { callClerk } from './client';
import { type ClerkOrg, toClerkOrg } from './types';

const PAGE = 100;

/** Every organization in Clerk, a page at a time, oldest first (stable while paging). */
export async function* allOrganizations(): AsyncGenerator<ClerkOrg> {
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await callClerk('list organizations', (c) =>
      c.organizations.getOrganizationList({ limit: PAGE, offset, orderBy: '+created_at' }),
    );
    for (const org of data) yield toClerkOrg(org);
    if (data.length < PAGE) return;
  }
}

/** Every user in Clerk (id and public metadata), a page at a time, oldest first. */
export async function* allUsers(): AsyncGenerator<{ id: string; publicMetadata: Record<string, unknown> }> {
  for (let offset = 0; ; offset += PAGE) {
    // Two requests: the SDK's getUserList also asks /users/count (Clerk's rate limit counts both).
    const { data } = await callClerk('list users', (c) => c.users.getUserList({ limit: PAGE, offset, orderBy: '+created_at' }), { requests: 2 });
    for (const user of data) yield { id: user.id, publicMetadata: (user.publicMetadata ?? {}) as Record<string, unknown> };
    if (data.length < PAGE) return;
  }
}
