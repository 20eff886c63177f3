import { decideOrgUpdate } from './decideOrgUpdate';
import { isValidShortName } from '@/lib/domain';
import { adoptionOf, type OrgSyncPorts } from './syncClerkOrg';
import type { Tenant } from '@/lib/domain';
import type { ClerkOrg } from '@/lib/clerk';

const FINDING_KINDS = [
  'user-without-test-org',
  'tenant-slug-drift',
  'unknown-clerk-org',
  'slug-drift',
  'name-drift',
  'logo-drift',
  'missing-in-clerk',
  'conflict',
] as const;
type FindingKind = (typeof FINDING_KINDS)[number];

type Finding = { kind: FindingKind; subject: string; detail: string; fixed: boolean };

export type ReconcileReport = {
  apply: boolean;
  findings: Finding[];
  counts: Record<FindingKind, number>;
};

export type ReconcilePorts = OrgSyncPorts & {
  tenants: OrgSyncPorts['tenants'] & {
    findTenantByShortName(shortName: string): Promise<Tenant | null>;
    liveTenants(): AsyncIterable<Tenant>;
  };
  clerk: OrgSyncPorts['clerk'] & {
    mergeUserPublicMetadata(userId: string, publicMetadata: Record<string, unknown>): Promise<void>;
  };
  listing: {
    allOrganizations(): AsyncIterable<ClerkOrg>;
    allUsers(): AsyncIterable<{ id: string; publicMetadata: Record<string, unknown> }>;
  };
  /** provisionTestOrg with the real ports; absent when provisioning is webhook-only. */
  provision?: (userId: string) => Promise<unknown>;
};

/**
 * DESIGN.md §3: repairs drift between Clerk and MongoDB — users without a
 * test org, Clerk orgs MongoDB does not know, slug/name/logo drift, and
 * documents whose Clerk org is gone. Reports only, unless `apply`. Running it
 * twice is safe: the second run finds what the first could not fix.
 */
export async function reconcileWith({ apply }: { apply: boolean }, ports: ReconcilePorts): Promise<ReconcileReport> {
  const findings: Finding[] = [];
  const note = async (kind: FindingKind, subject: string, detail: string, fix?: () => Promise<unknown>) => {
    let fixed = false;
    if (apply && fix) {
      await fix();
      fixed = true;
    }
    findings.push({ kind, subject, detail, fixed });
  };

  const seen = new Set<string>();
  for await (const org of ports.listing.allOrganizations()) {
    seen.add(org.id);
    await reconcileOrg(org, ports, note);
  }
  for await (const tenant of ports.tenants.liveTenants()) {
    const { clerkOrgId } = tenant;
    if (clerkOrgId && !seen.has(clerkOrgId)) {
      await note('missing-in-clerk', tenant.shortName, `Clerk has no org ${clerkOrgId}: archive`, () =>
        ports.tenants.archiveTenant({ clerkOrgId }),
      );
    }
  }
  for await (const { id: userId, publicMetadata } of ports.listing.allUsers()) {
    const testOrg = await ports.tenants.findTestOrgByOwner(userId);
    if (testOrg?.status === 'archived') continue;
    if (testOrg?.status === 'active') {
      // Provisioning ends with the owner's newTenantSlug (DESIGN.md §3 rule 3): a crash or an edit in Clerk can lose it.
      const slug = publicMetadata.newTenantSlug;
      if (slug !== testOrg.shortName) {
        const detail = slug === undefined ? `newTenantSlug missing (test org ${testOrg.shortName})` : `newTenantSlug is ${String(slug)}, test org is ${testOrg.shortName}`;
        await note('tenant-slug-drift', userId, detail, () => ports.clerk.mergeUserPublicMetadata(userId, { newTenantSlug: testOrg.shortName }));
      }
      continue;
    }
    const detail = testOrg ? `test org ${testOrg.shortName} stuck while provisioning` : 'no test org';
    await note('user-without-test-org', userId, detail, ports.provision && (() => ports.provision!(userId)));
  }

  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<
    FindingKind,
    number
  >;
  return { apply, findings, counts };
}

type Note = (kind: FindingKind, subject: string, detail: string, fix?: () => Promise<unknown>) => Promise<void>;

async function reconcileOrg(org: ClerkOrg, { tenants, clerk }: ReconcilePorts, note: Note): Promise<void> {
  const tenant = await tenants.findTenantByClerkOrgId(org.id);
  if (!tenant) {
    const holder = isValidShortName(org.slug) ? await tenants.findTenantByShortName(org.slug) : null;
    if (!isValidShortName(org.slug) || holder) {
      const why = holder ? `slug ${org.slug} belongs to another org in MongoDB` : `slug ${org.slug} is not a valid shortName`;
      return note('conflict', org.id, `${why}; needs a person`);
    }
    return note('unknown-clerk-org', org.slug, `Clerk org ${org.id} unknown to MongoDB: adopt`, () =>
      tenants.adoptOrg(adoptionOf(org)),
    );
  }
  if (tenant.status === 'archived') return;
  // Drift is judged on the current state, whatever updated_at MongoDB last saw.
  const decision = decideOrgUpdate(org, { ...tenant, clerkUpdatedAt: null });
  if (decision.kind === 'ignore') return;
  const { slug, name, deleteLogo } = decision.clerk;
  if (slug !== undefined) {
    await note('slug-drift', tenant.shortName, `Clerk slug is ${org.slug}: set back`, () =>
      clerk.updateOrganization(org.id, { slug }),
    );
  }
  if (name !== undefined) {
    await note('name-drift', tenant.shortName, `test org renamed to "${org.name}" in Clerk: set back`, () =>
      clerk.updateOrganization(org.id, { name }),
    );
  }
  if (deleteLogo) {
    await note('logo-drift', tenant.shortName, 'test org has a logo in Clerk: remove', () => clerk.deleteOrganizationLogo(org.id));
  }
  if (decision.db.name !== undefined) {
    await note('name-drift', tenant.shortName, `name in Clerk is "${org.name}": copy to MongoDB`, () =>
      tenants.applyClerkSync(org.id, { name: org.name, clerkUpdatedAt: org.updatedAt }),
    );
  }
  if (decision.db.logoUrl !== undefined) {
    await note('logo-drift', tenant.shortName, 'logo differs from Clerk: copy to MongoDB', () =>
      tenants.applyClerkSync(org.id, { logoUrl: org.logoUrl, clerkUpdatedAt: org.updatedAt }),
    );
  }
}

/** One line per kind with its count, then one per finding. */
export function formatReport(report: ReconcileReport): string {
  const mode = report.apply ? 'applied' : 'dry run (pass --apply to fix)';
  const counts = Object.entries(report.counts).map(([kind, n]) => `  ${kind}: ${n}`);
  const lines = report.findings.map((f) => `  - [${f.kind}] ${f.subject}: ${f.detail}${f.fixed ? ' (fixed)' : ''}`);
  return [`reconcile — ${mode}: ${report.findings.length} finding(s)`, ...counts, ...lines].join('\n');
}
