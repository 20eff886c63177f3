import { describe, expect, it } from 'vitest';
import { clerkError, email, uniq, useEmulator } from './fixture';

const env = useEmulator();

async function newUser() {
  return env.clerk.users.createUser({ emailAddress: [email()] });
}

describe('clerk-local organizations (real @clerk/backend)', () => {
  it('creates an org with created_by, making that user org:admin', async () => {
    const u = await newUser();
    const slug = uniq('acme');
    const org = await env.clerk.organizations.createOrganization({ name: 'Acme', slug, createdBy: u.id, publicMetadata: { tier: 'test' } });
    expect(org.id).toMatch(/^org_/);
    expect(org.slug).toBe(slug);
    expect(org.createdBy).toBe(u.id);
    expect(org.publicMetadata).toEqual({ tier: 'test' });
    const members = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.totalCount).toBe(1);
    expect(members.data[0]?.role).toBe('org:admin');
    expect(members.data[0]?.publicUserData?.userId).toBe(u.id);
  });

  it('derives a slug from the name when none is given', async () => {
    const org = await env.clerk.organizations.createOrganization({ name: 'Hello World Corp' });
    expect(org.slug).toMatch(/^hello-world-corp/);
  });

  it('gets an org by id or by slug, with members_count on request', async () => {
    const u = await newUser();
    const slug = uniq('byslug');
    const org = await env.clerk.organizations.createOrganization({ name: 'By Slug', slug, createdBy: u.id });
    expect((await env.clerk.organizations.getOrganization({ organizationId: org.id })).slug).toBe(slug);
    const bySlug = await env.clerk.organizations.getOrganization({ slug, includeMembersCount: true });
    expect(bySlug.id).toBe(org.id);
    expect(bySlug.membersCount).toBe(1);
  });

  it('lists orgs with query, limit, offset and total_count', async () => {
    const tag = uniq('listing');
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await env.clerk.organizations.createOrganization({ name: `${tag} ${i}`, slug: `${tag}-${i}` }));
    const all = await env.clerk.organizations.getOrganizationList({ query: tag, includeMembersCount: true });
    expect(all.totalCount).toBe(3);
    expect(all.data.map((o) => o.slug)).toEqual([`${tag}-2`, `${tag}-1`, `${tag}-0`]);
    expect(all.data[0]?.membersCount).toBe(0);
    const page = await env.clerk.organizations.getOrganizationList({ query: tag, limit: 1, offset: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.data.map((o) => o.slug)).toEqual([`${tag}-1`]);
  });

  it('updates name, slug and max_allowed_memberships', async () => {
    const org = await env.clerk.organizations.createOrganization({ name: 'Old', slug: uniq('old') });
    const newSlug = uniq('new');
    const updated = await env.clerk.organizations.updateOrganization(org.id, { name: 'New', slug: newSlug, maxAllowedMemberships: 7 });
    expect(updated.name).toBe('New');
    expect(updated.slug).toBe(newSlug);
    expect(updated.maxAllowedMemberships).toBe(7);
    expect(updated.updatedAt).toBeGreaterThan(org.updatedAt);
  });

  it('merges org metadata (PATCH .../metadata) and updates it via updateOrganization', async () => {
    const org = await env.clerk.organizations.createOrganization({ name: 'Meta', publicMetadata: { a: 1, b: { c: 1 } } });
    const merged = await env.clerk.organizations.updateOrganizationMetadata(org.id, { publicMetadata: { b: { d: 2 }, a: null } });
    expect(merged.publicMetadata).toEqual({ b: { c: 1, d: 2 } });
    const replaced = await env.clerk.organizations.updateOrganization(org.id, { privateMetadata: { p: 1 } });
    expect(replaced.privateMetadata).toEqual({ p: 1 });
  });

  it('rejects a taken slug with 422 form_identifier_exists, on create and on update', async () => {
    const slug = uniq('taken');
    const first = await env.clerk.organizations.createOrganization({ name: 'First', slug });
    const onCreate = await clerkError(env.clerk.organizations.createOrganization({ name: 'Second', slug }));
    expect(onCreate.status).toBe(422);
    expect(onCreate.errors[0]?.code).toBe('form_identifier_exists');
    expect(onCreate.errors[0]?.meta?.paramName).toBe('slug');
    const other = await env.clerk.organizations.createOrganization({ name: 'Other', slug: uniq('other') });
    const onUpdate = await clerkError(env.clerk.organizations.updateOrganization(other.id, { slug }));
    expect(onUpdate.status).toBe(422);
    expect(onUpdate.errors[0]?.code).toBe('form_identifier_exists');
    // Setting an org's own slug again is not a conflict.
    expect((await env.clerk.organizations.updateOrganization(first.id, { slug })).slug).toBe(slug);
  });

  it('rejects a slug with uppercase or other characters with 422', async () => {
    const err = await clerkError(env.clerk.organizations.createOrganization({ name: 'Bad', slug: 'Bad_Slug' }));
    expect(err.status).toBe(422);
    expect(err.errors[0]?.code).toBe('form_param_format_invalid');
  });

  it('uploads a logo (image_url, has_image) whose bytes are served at image_url, and deletes it', async () => {
    const org = await env.clerk.organizations.createOrganization({ name: 'Logo', slug: uniq('logo') });
    expect(org.hasImage).toBe(false);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withLogo = await env.clerk.organizations.updateOrganizationLogo(org.id, {
      file: new File([png], 'logo.png', { type: 'image/png' }),
    });
    expect(withLogo.hasImage).toBe(true);
    const res = await fetch(withLogo.imageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    const removed = await env.clerk.organizations.deleteOrganizationLogo(org.id);
    expect(removed.hasImage).toBe(false);
    expect((await fetch(withLogo.imageUrl)).status).toBe(404);
  });

  it('deletes an org; afterwards it is 404 and its slug is free again', async () => {
    const slug = uniq('gone');
    const org = await env.clerk.organizations.createOrganization({ name: 'Gone', slug });
    const deleted = await env.clerk.organizations.deleteOrganization(org.id);
    expect(deleted.id).toBe(org.id);
    const err = await clerkError(env.clerk.organizations.getOrganization({ organizationId: org.id }));
    expect(err.status).toBe(404);
    expect(err.errors[0]?.code).toBe('resource_not_found');
    await env.clerk.organizations.createOrganization({ name: 'Again', slug });
  });

  it('answers 404 for unknown ids on update, delete and logo', async () => {
    for (const call of [
      () => env.clerk.organizations.updateOrganization('org_missing', { name: 'x' }),
      () => env.clerk.organizations.deleteOrganization('org_missing'),
      () => env.clerk.organizations.deleteOrganizationLogo('org_missing'),
      () => env.clerk.organizations.getOrganization({ slug: 'no-such-slug' }),
    ]) {
      expect((await clerkError(call())).status).toBe(404);
    }
  });
});
