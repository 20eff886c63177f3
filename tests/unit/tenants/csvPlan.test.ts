import { describe, expect, it } from 'vitest';
import type { ClerkOrg } from '@/lib/clerk';
import { checkRecord, type ClerkState, countPlan, type CsvImportPorts, emptyCounts, planBatch } from '@/lib/tenants';
import { type Tenant } from '@/lib/domain';

const record = (shortName: string, admins = '', name = 'Acme') => ({ shortName, name, logoUrl: '', isTestOrg: 'false', admins });

function clerkOrg(slug: string, id = `org_${slug}`): ClerkOrg {
  return { id, slug, name: 'Acme', logoUrl: null, createdBy: null, publicMetadata: {}, updatedAt: new Date(0) };
}

function setup(opts: { tenants?: Tenant[]; orgs?: ClerkOrg[]; users?: Record<string, string> } = {}) {
  const lookups: string[][] = [];
  const state: ClerkState = { orgsBySlug: new Map((opts.orgs ?? []).map((o) => [o.slug, o])), roles: new Map(), memberEmails: new Map(), pending: new Map(), users: new Map() };
  const ports = {
    tenants: { findTenantsByShortNames: async (names: string[]) => (opts.tenants ?? []).filter((t) => names.includes(t.shortName)) },
    clerk: {
      findUserIdsByEmails: async (emails: string[]) => {
        lookups.push(emails);
        return new Map(Object.entries(opts.users ?? {}).filter(([e]) => emails.includes(e)));
      },
    },
  } as unknown as CsvImportPorts;
  return { state, ports, lookups };
}

describe('CSV import plan', () => {
  it('creates a new org and invites an unknown admin, looking emails up once per batch', async () => {
    const { state, ports, lookups } = setup({ users: { 'known@example.com': 'user_1' } });
    const seen = new Map<string, number>();
    const plans = [checkRecord(2, record('acme', 'new@example.com'), seen), checkRecord(3, record('beta', 'known@example.com'), seen)];
    await planBatch(plans, state, ports);
    expect(plans.map((p) => [p.org, p.admins])).toEqual([
      ['create', [{ kind: 'invite', email: 'new@example.com' }]],
      ['create', [{ kind: 'add', email: 'known@example.com', userId: 'user_1' }]],
    ]);
    expect(lookups).toEqual([['new@example.com', 'known@example.com']]);
  });

  it('changes nothing and looks nobody up for an org whose admin is already invited', async () => {
    const tenant: Tenant = { shortName: 'acme', name: 'Acme', clerkOrgId: 'org_acme', logoUrl: null, isTestOrg: false, ownerUserId: null, status: 'active', clerkUpdatedAt: null };
    const { state, ports, lookups } = setup({ tenants: [tenant], orgs: [clerkOrg('acme')] });
    state.pending.set('org_acme', new Set(['boss@example.com']));
    const plans = [checkRecord(2, record('acme', 'boss@example.com'), new Map())];
    await planBatch(plans, state, ports);
    expect(plans[0]).toMatchObject({ org: 'unchanged', admins: [] });
    expect(lookups).toEqual([]);
  });

  it('rejects a repeated shortName and an archived org, and counts them as rejected', async () => {
    const archived: Tenant = { shortName: 'gone', name: 'Gone', clerkOrgId: 'org_gone', logoUrl: null, isTestOrg: false, ownerUserId: null, status: 'archived', clerkUpdatedAt: null };
    const { state, ports } = setup({ tenants: [archived], orgs: [clerkOrg('gone')] });
    const seen = new Map<string, number>();
    const plans = [checkRecord(2, record('acme'), seen), checkRecord(3, record('acme'), seen), checkRecord(4, record('gone'), seen)];
    await planBatch(plans, state, ports);
    expect(plans.map((p) => p.problems)).toEqual([
      [],
      [{ code: 'shortNameRepeated', params: { shortName: 'acme', earlierLine: 2 } }],
      [{ code: 'orgArchived', params: { shortName: 'gone' } }],
    ]);
    const counts = emptyCounts();
    for (const p of plans) countPlan(p, counts);
    expect(counts).toMatchObject({ created: 1, rejected: 2 });
  });
});
