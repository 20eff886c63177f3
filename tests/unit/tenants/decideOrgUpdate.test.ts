import { describe, expect, it } from 'vitest';
import { decideOrgUpdate } from '@/lib/tenants/decideOrgUpdate';
import type { Tenant } from '@/lib/domain';

const t0 = new Date('2026-11-01T10:00:00Z');
const later = new Date('2026-11-01T10:05:00Z');
const earlier = new Date('2026-11-01T09:55:00Z');

const testOrg: Tenant = {
  shortName: 'test-0001',
  name: 'test-0001',
  clerkOrgId: 'org_1',
  logoUrl: null,
  isTestOrg: true,
  ownerUserId: 'user_1',
  status: 'active',
  clerkUpdatedAt: t0,
};
const customer: Tenant = { ...testOrg, shortName: 'acme', name: 'Acme', isTestOrg: false, ownerUserId: null };

describe('decideOrgUpdate', () => {
  it('ignores a stale organization.updated', () => {
    expect(decideOrgUpdate({ slug: 'x', name: 'x', logoUrl: null, updatedAt: earlier }, customer)).toEqual({
      kind: 'ignore',
      reason: 'stale',
    });
  });

  it('ignores events for an archived org', () => {
    const decision = decideOrgUpdate({ slug: 'acme', name: 'New', logoUrl: null, updatedAt: later }, { ...customer, status: 'archived' });
    expect(decision).toEqual({ kind: 'ignore', reason: 'archived' });
  });

  it('rolls back a changed slug (MongoDB wins)', () => {
    const decision = decideOrgUpdate({ slug: 'acme-2', name: 'Acme', logoUrl: null, updatedAt: later }, customer);
    expect(decision).toEqual({ kind: 'apply', clerk: { slug: 'acme' }, db: { clerkUpdatedAt: later } });
  });

  it("locks a test org's name and logo", () => {
    const decision = decideOrgUpdate(
      { slug: 'test-0001', name: 'My playground', logoUrl: 'https://img/x.png', updatedAt: later },
      testOrg,
    );
    expect(decision).toEqual({
      kind: 'apply',
      clerk: { name: 'test-0001', deleteLogo: true },
      db: { clerkUpdatedAt: later },
    });
  });

  it('reverts slug, name and logo of a test org in one decision', () => {
    const decision = decideOrgUpdate({ slug: 'mine', name: 'Mine', logoUrl: 'https://img/y.png', updatedAt: later }, testOrg);
    expect(decision).toMatchObject({ kind: 'apply', clerk: { slug: 'test-0001', name: 'test-0001', deleteLogo: true } });
  });

  it('finds nothing to correct in the event that answers a correction', () => {
    const decision = decideOrgUpdate({ slug: 'test-0001', name: 'test-0001', logoUrl: null, updatedAt: later }, testOrg);
    expect(decision).toEqual({ kind: 'apply', clerk: {}, db: { clerkUpdatedAt: later } });
  });

  it("syncs a customer org's new name and logo into MongoDB", () => {
    const decision = decideOrgUpdate({ slug: 'acme', name: 'Acme GmbH', logoUrl: 'https://img/a.png', updatedAt: later }, customer);
    expect(decision).toEqual({
      kind: 'apply',
      clerk: {},
      db: { name: 'Acme GmbH', logoUrl: 'https://img/a.png', clerkUpdatedAt: later },
    });
  });

  it('syncs a removed logo as null', () => {
    const decision = decideOrgUpdate({ slug: 'acme', name: 'Acme', logoUrl: null, updatedAt: later }, { ...customer, logoUrl: 'https://img/a.png' });
    expect(decision).toEqual({ kind: 'apply', clerk: {}, db: { logoUrl: null, clerkUpdatedAt: later } });
  });

  it('applies an event with the same updated_at as the last one (a redelivery is harmless)', () => {
    const decision = decideOrgUpdate({ slug: 'acme', name: 'Acme', logoUrl: null, updatedAt: t0 }, customer);
    expect(decision.kind).toBe('apply');
  });
});
