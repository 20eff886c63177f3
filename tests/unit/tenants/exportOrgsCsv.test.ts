import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type Tenant } from '@/lib/domain';
import { type CsvExportPorts, exportOrgsCsvWith } from '@/lib/tenants';

// The export as the route sends it: the header alone and at once, then the
// orgs in chunks of at most 500 rows, the same CSV as one row at a time.
const tenant = (n: number, status: Tenant['status'] = 'active'): Tenant => ({
  shortName: `org-${String(n).padStart(4, '0')}`,
  name: n === 7 ? '=HYPERLINK("x")' : `Org ${n}, Inc.`,
  clerkOrgId: `org_${n}`,
  logoUrl: null,
  isTestOrg: false,
  ownerUserId: null,
  status,
  clerkUpdatedAt: null,
});

function ports(tenants: Tenant[], clerkAnswers: Promise<void> = Promise.resolve()): CsvExportPorts {
  return {
    tenants: {
      async *liveTenants() {
        yield* tenants;
      },
    },
    clerk: {
      listAllMemberships: async () => {
        await clerkAnswers;
        return [{ organizationId: 'org_2', userId: 'user_1', role: 'org:admin', identifier: 'boss@example.com' }];
      },
      listAllPendingInvitations: async () => [{ organizationId: 'org_2', emailAddress: 'new@example.com', role: 'org:admin' }],
    },
  };
}

describe('CSV export chunks', () => {
  it('sends the header before Clerk answers, then at most 500 rows a chunk', async () => {
    let answer = () => {};
    const clerkAnswers = new Promise<void>((resolve) => (answer = resolve));
    const chunks = exportOrgsCsvWith(ports([1, 2, 3].map((n) => tenant(n)).concat(Array.from({ length: 1198 }, (_, i) => tenant(i + 4))), clerkAnswers));
    expect((await chunks.next()).value).toBe('shortName,name,logoUrl,isTestOrg,admins\n');
    answer();
    const rest: string[] = [];
    for await (const chunk of chunks) rest.push(chunk);
    expect(rest.map((chunk) => chunk.trimEnd().split('\n').length)).toEqual([500, 500, 201]);
    const rows = parse(rest.join('')) as string[][];
    expect(rows).toHaveLength(1201);
    expect(rows[1]).toEqual(['org-0002', 'Org 2, Inc.', '', 'false', 'boss@example.com;new@example.com']);
    expect(rows[6]).toEqual(['org-0007', `'=HYPERLINK("x")`, '', 'false', '']);
  });

  it('leaves out archived and provisioning tenants and ends with a short last chunk', async () => {
    const chunks: string[] = [];
    for await (const chunk of exportOrgsCsvWith(ports([tenant(1), tenant(2, 'archived'), { ...tenant(3, 'provisioning'), clerkOrgId: null }, tenant(4)]))) chunks.push(chunk);
    expect(chunks).toEqual(['shortName,name,logoUrl,isTestOrg,admins\n', 'org-0001,"Org 1, Inc.",,false,\norg-0004,"Org 4, Inc.",,false,\n']);
  });
});
