import { describe, expect, it } from 'vitest';
import { clerkError, email, useEmulator } from './fixture';

const env = useEmulator();

describe('clerk-local users (real @clerk/backend)', () => {
  it('creates a user and gets it by id', async () => {
    const address = email();
    const created = await env.clerk.users.createUser({ emailAddress: [address], firstName: 'Ada', lastName: 'Lovelace' });
    expect(created.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(created.primaryEmailAddress?.emailAddress).toBe(address);
    const got = await env.clerk.users.getUser(created.id);
    expect(got.firstName).toBe('Ada');
    expect(got.createdAt).toBeGreaterThan(1_600_000_000_000); // milliseconds
  });

  it('lists users filtered by email_address and user_id, with total_count from /users/count', async () => {
    const [a, b] = [email('a'), email('b')];
    const ua = await env.clerk.users.createUser({ emailAddress: [a] });
    const ub = await env.clerk.users.createUser({ emailAddress: [b] });
    const byEmail = await env.clerk.users.getUserList({ emailAddress: [a] });
    expect(byEmail.data.map((u) => u.id)).toEqual([ua.id]);
    expect(byEmail.totalCount).toBe(1);
    const byIds = await env.clerk.users.getUserList({ userId: [ua.id, ub.id] });
    // Newest first, like Clerk.
    expect(byIds.data.map((u) => u.id)).toEqual([ub.id, ua.id]);
    expect(byIds.totalCount).toBe(2);
    const paged = await env.clerk.users.getUserList({ userId: [ua.id, ub.id], limit: 1, offset: 1 });
    expect(paged.data.map((u) => u.id)).toEqual([ua.id]);
    expect(paged.totalCount).toBe(2);
  });

  it('updates a user', async () => {
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    const updated = await env.clerk.users.updateUser(u.id, { firstName: 'Grace', externalId: 'ext-1' });
    expect(updated.firstName).toBe('Grace');
    expect(updated.externalId).toBe('ext-1');
    expect(updated.updatedAt).toBeGreaterThan(u.updatedAt);
  });

  it('merges metadata deeply like Clerk: nested objects merge, null removes a key, others are kept', async () => {
    const u = await env.clerk.users.createUser({
      emailAddress: [email()],
      publicMetadata: { keep: 1, nested: { a: 1, b: 2 }, drop: true },
    });
    const merged = await env.clerk.users.updateUserMetadata(u.id, {
      publicMetadata: { newTenantSlug: 'test-0001', nested: { b: null, c: 3 }, drop: null },
      privateMetadata: { secret: 'x' },
    });
    expect(merged.publicMetadata).toEqual({ keep: 1, nested: { a: 1, c: 3 }, newTenantSlug: 'test-0001' });
    expect(merged.privateMetadata).toEqual({ secret: 'x' });
  });

  it('replaces metadata with PUT /users/{id}/metadata', async () => {
    const u = await env.clerk.users.createUser({ emailAddress: [email()], publicMetadata: { a: 1 } });
    const replaced = await env.clerk.users.replaceUserMetadata(u.id, { publicMetadata: { b: 2 } });
    expect(replaced.publicMetadata).toEqual({ b: 2 });
  });

  it('deletes a user, after which it is 404 resource_not_found', async () => {
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    const deleted = await env.clerk.users.deleteUser(u.id);
    expect(deleted.id).toBe(u.id);
    const err = await clerkError(env.clerk.users.getUser(u.id));
    expect(err.status).toBe(404);
    expect(err.errors[0]?.code).toBe('resource_not_found');
    expect(err.clerkTraceId).toBeTruthy();
  });

  it('rejects a taken email address with 422 form_identifier_exists', async () => {
    const address = email();
    await env.clerk.users.createUser({ emailAddress: [address] });
    const err = await clerkError(env.clerk.users.createUser({ emailAddress: [address] }));
    expect(err.status).toBe(422);
    expect(err.errors[0]?.code).toBe('form_identifier_exists');
    expect(err.errors[0]?.meta?.paramName).toBe('email_address');
  });
});
