import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvExportPorts, exportOrgsCsvWith } from '@/lib/tenants';

// The export as the route sends it: the header alone and at once, then the
// orgs in chunks of at most 500 rows, the same CSV as one row at a time.
type Org = ReturnType<typeof org>;
const org = (n: number) => ({
  shortName: `org-${String(n).padStart(4, '0')}`,
  name: n === 7 ? '=HYPERLINK("x")' : `Org ${n}, Inc.`,
  clerkOrgId: `org_${n}`,
  logoUrl: n === 4 ? 'https://img.example.com/4.png' : null,
  isTestOrg: n === 4,
});

function ports(orgs: Org[], clerkAnswers: Promise<void> = Promise.resolve()): CsvExportPorts {
  return {
    tenants: {
      async *exportableOrgs() {
        yield* orgs;
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
    const chunks = exportOrgsCsvWith(ports(Array.from({ length: 1201 }, (_, i) => org(i + 1)), clerkAnswers));
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

  it('ends with a short last chunk; logo and test flag written as stored', async () => {
    const chunks: string[] = [];
    for await (const chunk of exportOrgsCsvWith(ports([org(1), org(4)]))) chunks.push(chunk);
    expect(chunks).toEqual(['shortName,name,logoUrl,isTestOrg,admins\n', 'org-0001,"Org 1, Inc.",,false,\norg-0004,"Org 4, Inc.",https://img.example.com/4.png,true,\n']);
  });
});
