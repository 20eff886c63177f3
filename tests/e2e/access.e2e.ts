import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { cookieHeader, mintSessionOverHttp } from '../helpers/clerkSession';
import { clerk, createUser } from './clerk';
import { expect, test } from './fixtures';
import { E2E_CLERK_SECRET_KEY, E2E_CLERK_URL } from './localConfig';

// DESIGN.md §3 Access, for every tenant page: the list comes from the file
// system, so a page added without requireOrgAccess fails here.
const TENANT_DIR = join(process.cwd(), 'src/app/[locale]/[tenant]');
function tenantPages(dir = TENANT_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return tenantPages(join(dir, entry.name));
    if (entry.name !== 'page.tsx') return [];
    const route = relative(TENANT_DIR, dir).split(sep).filter(Boolean).join('/');
    return [route];
  });
}
const ADMIN_ONLY = new Set(['settings', 'members']);

type Persona = 'signed-out' | 'stranger' | 'member' | 'admin';
const expected = (persona: Persona, page: string, org: 'acme' | 'archived' | 'unknown' | 'malformed') => {
  // A segment that can never be a shortName is no page at all: the 404 page for everyone (issue 14).
  if (org === 'malformed') return 404;
  if (persona === 'signed-out') return 307;
  if (org !== 'acme' || persona === 'stranger') return 404;
  if (persona === 'member' && ADMIN_ONLY.has(page)) return 403;
  return 200;
};

const slugs = { acme: `acme-${Date.now().toString(36)}`, archived: `gone-${Date.now().toString(36)}`, unknown: 'no-such-tenant', malformed: 'Not_A_Slug' };
const contexts = {} as Record<Persona, APIRequestContext>;

test.beforeAll(async ({ baseURL }) => {
  const [admin, member, stranger] = [await createUser('admin'), await createUser('member'), await createUser('stranger')];
  const acme = await clerk.organizations.createOrganization({ name: 'Acme', slug: slugs.acme, createdBy: admin.id });
  await clerk.organizations.createOrganizationMembership({ organizationId: acme.id, userId: member.id, role: 'org:member' });
  const gone = await clerk.organizations.createOrganization({ name: 'Gone', slug: slugs.archived, createdBy: admin.id });
  await clerk.organizations.createOrganizationMembership({ organizationId: gone.id, userId: member.id, role: 'org:member' });
  // The webhooks adopt both orgs; deleting one in Clerk archives it.
  const adminCtx = await context(baseURL!, admin.id);
  await expect.poll(async () => (await adminCtx.get(`/en/${slugs.acme}`)).status(), { timeout: 20_000 }).toBe(200);
  await expect.poll(async () => (await adminCtx.get(`/en/${slugs.archived}`)).status(), { timeout: 20_000 }).toBe(200);
  await clerk.organizations.deleteOrganization(gone.id);
  await expect.poll(async () => (await adminCtx.get(`/en/${slugs.archived}`)).status(), { timeout: 20_000 }).toBe(404);
  contexts.admin = adminCtx;
  contexts.member = await context(baseURL!, member.id);
  contexts.stranger = await context(baseURL!, stranger.id);
  contexts['signed-out'] = await playwrightRequest.newContext({ baseURL });
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

async function context(baseURL: string, userId: string) {
  const session = await mintSessionOverHttp({ apiUrl: E2E_CLERK_URL, secretKey: E2E_CLERK_SECRET_KEY, userId, ttlSeconds: 3600 });
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader(session) } });
}

test('the tenant pages are found on disk', () => {
  expect(tenantPages().sort()).toEqual(['', 'members', 'settings']);
});

for (const page of tenantPages()) {
  for (const persona of ['signed-out', 'stranger', 'member', 'admin'] as const) {
    for (const org of ['acme', 'archived', 'unknown', 'malformed'] as const) {
      const status = expected(persona, page, org);
      test(`/en/{${org}}/${page}: ${persona} → ${status}`, async () => {
        const path = `/en/${slugs[org]}${page ? `/${page}` : ''}`;
        const response = await contexts[persona].get(path, { maxRedirects: 0 });
        expect(response.status()).toBe(status);
        if (status === 307) expect(response.headers().location).toContain('/en/sign-in');
        if (status === 200) expect(await response.text()).toContain('Acme');
      });
    }
  }
}
