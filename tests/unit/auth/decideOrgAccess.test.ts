import { describe, expect, it } from 'vitest';
import { type AccessPorts, decideOrgAccess, type RecordedChanges } from '@/lib/auth/orgAccess';
import type { Tenant } from '@/lib/domain';

const acme: Tenant = {
  shortName: 'acme',
  name: 'Acme',
  clerkOrgId: 'org_acme',
  logoUrl: null,
  isTestOrg: false,
  ownerUserId: null,
  status: 'active',
  clerkUpdatedAt: null,
};

const T = 1_800_000_000_000; // when the session token was issued
type Session = { userId: string | null; orgId?: string; orgSlug?: string; orgRole?: string; issuedAt?: number };

function ports(session: Session, roles: Record<string, string> = {}, changes: Partial<RecordedChanges> = {}) {
  const lookups: string[] = [];
  const p: AccessPorts = {
    session: async () => ({ userId: session.userId, orgId: session.orgId ?? null, orgSlug: session.orgSlug ?? null, orgRole: session.orgRole ?? null, issuedAt: session.issuedAt ?? T }),
    findTenant: async (shortName) =>
      ({ acme, archived: { ...acme, shortName: 'archived', clerkOrgId: 'org_arch', status: 'archived' as const } })[shortName] ??
      null,
    changesOf: async () => ({ orgs: {}, userChangedAt: 0, signedOutAt: 0, ...changes }),
    membership: async (userId, orgId, freshness) => {
      lookups.push(`${userId}@${orgId}${freshness.live ? ' live' : ` notBefore=${freshness.notBefore}`}`);
      const role = roles[userId];
      return role ? { role } : null;
    },
  };
  return { p, lookups };
}

describe('decideOrgAccess', () => {
  it('sends a signed-out visitor to sign-in', async () => {
    expect(await decideOrgAccess('acme', {}, ports({ userId: null }).p)).toEqual({ kind: 'signed-out' });
  });

  it('answers not-found for a malformed shortName without looking it up', async () => {
    const { p } = ports({ userId: 'u1' });
    p.findTenant = () => {
      throw new Error('must not be called');
    };
    expect((await decideOrgAccess('Bad Name!', {}, p)).kind).toBe('not-found');
    expect((await decideOrgAccess('admin', {}, p)).kind).toBe('not-found');
  });

  it('answers not-found for unknown and archived orgs', async () => {
    const { p } = ports({ userId: 'u1' }, { u1: 'org:admin' });
    expect((await decideOrgAccess('nope', {}, p)).kind).toBe('not-found');
    expect((await decideOrgAccess('archived', {}, p)).kind).toBe('not-found');
  });

  it('answers not-found (not forbidden) to a non-member, so the org cannot be probed', async () => {
    expect((await decideOrgAccess('acme', {}, ports({ userId: 'stranger' }).p)).kind).toBe('not-found');
  });

  it('takes the role from the session claims when the org is active and nothing changed since, with no Clerk call', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, {}, { orgs: { org_other: T + 5000 } });
    expect(await decideOrgAccess('acme', { role: 'org:admin' }, p)).toMatchObject({ kind: 'granted', role: 'org:admin' });
    expect(lookups).toEqual([]);
  });

  it('asks Clerk (cached) when another org is active', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_other', orgRole: 'org:admin' }, { u1: 'org:member' });
    expect(await decideOrgAccess('acme', {}, p)).toMatchObject({ kind: 'granted', role: 'org:member' });
    expect(lookups).toEqual(['u1@org_acme notBefore=0']);
  });

  it('stops trusting the claims of a token issued before a recorded membership change: a demoted admin is forbidden', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, { u1: 'org:member' }, { orgs: { org_acme: T + 1 } });
    expect(await decideOrgAccess('acme', { role: 'org:admin' }, p)).toMatchObject({ kind: 'forbidden', role: 'org:member' });
    // The cached look-up may not be one loaded before the change either.
    expect(lookups).toEqual([`u1@org_acme notBefore=${T + 1}`]);
  });

  it('answers not-found to a removed member whose token still has the org active', async () => {
    const { p } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, {}, { orgs: { org_acme: T + 1 } });
    expect((await decideOrgAccess('acme', {}, p)).kind).toBe('not-found');
  });

  it('trusts the claims again once the token was issued after the change', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:member' }, {}, { orgs: { org_acme: T - 1 } });
    expect(await decideOrgAccess('acme', {}, p)).toMatchObject({ kind: 'granted', role: 'org:member' });
    expect(lookups).toEqual([]);
  });

  it('decides a fresh (mutation) check on a live look-up, whatever the claims say', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, { u1: 'org:member' });
    expect(await decideOrgAccess('acme', { role: 'org:admin', fresh: true }, p)).toMatchObject({ kind: 'forbidden' });
    expect(lookups).toEqual(['u1@org_acme live']);
  });

  it('asks Clerk about the active org while MongoDB is read, and once only', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgSlug: 'acme', orgRole: 'org:member' }, { u1: 'org:admin' });
    const order: string[] = [];
    const find = p.findTenant;
    p.findTenant = async (shortName) => {
      order.push(`tenant looked up after ${lookups.length} Clerk call(s)`);
      return find(shortName);
    };
    expect(await decideOrgAccess('acme', { role: 'org:admin', fresh: true }, p)).toMatchObject({ kind: 'granted', role: 'org:admin' });
    expect(lookups).toEqual(['u1@org_acme live']);
    expect(order).toEqual(['tenant looked up after 1 Clerk call(s)']);
  });

  it('ignores the early answer when the tenant is another org than the claims name, and asks about the tenant', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_old', orgSlug: 'acme', orgRole: 'org:admin' }, { u1: 'org:member' });
    expect(await decideOrgAccess('acme', { role: 'org:admin', fresh: true }, p)).toMatchObject({ kind: 'forbidden' });
    expect(lookups).toEqual(['u1@org_old live', 'u1@org_acme live']);
  });

  it('does not report the early look-up as unhandled when the session turns out to be revoked', async () => {
    const { p } = ports({ userId: 'u1', orgId: 'org_acme', orgSlug: 'acme', orgRole: 'org:admin' }, {}, { signedOutAt: T + 1 });
    p.membership = async () => {
      throw new Error('Clerk is down');
    };
    expect(await decideOrgAccess('acme', { fresh: true }, p)).toEqual({ kind: 'signed-out' });
  });

  it('refuses a session issued before the user was deleted or banned, even with the org active', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, { u1: 'org:admin' }, { signedOutAt: T + 1, userChangedAt: T + 1 });
    expect(await decideOrgAccess('acme', {}, p)).toEqual({ kind: 'signed-out' });
    expect(await decideOrgAccess('acme', { fresh: true }, p)).toEqual({ kind: 'signed-out' });
    expect(lookups).toEqual([]);
  });

  it('lets a session issued after a ban was lifted through', async () => {
    const { p } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' }, {}, { signedOutAt: T - 1000 });
    expect((await decideOrgAccess('acme', {}, p)).kind).toBe('granted');
  });

  it('forbids a member who lacks the role', async () => {
    const { p } = ports({ userId: 'u1' }, { u1: 'org:member' });
    expect((await decideOrgAccess('acme', { role: 'org:admin' }, p)).kind).toBe('forbidden');
  });

  it('never grants access when the membership look-up fails', async () => {
    const { p } = ports({ userId: 'u1' });
    p.membership = async () => {
      throw new Error('Clerk is down');
    };
    await expect(decideOrgAccess('acme', {}, p)).rejects.toThrow('Clerk is down');
    await expect(decideOrgAccess('acme', { fresh: true }, p)).rejects.toThrow('Clerk is down');
  });
});
