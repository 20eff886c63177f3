import { type BulkInvitation, type BulkMembership, ClerkRejectedError } from '@/lib/clerk';
import { adoptionOf } from '../syncClerkOrg';
import { type AdoptedOrg, ORG_ROLE, type Tenant, type ClerkSyncChanges } from '@/lib/domain';
import type { ClerkOrg } from '@/lib/clerk';
import type { OrgCsvRow } from './format';
import { type CsvProblemDetail, problem } from './problems';
import { validateRecord } from './validate';

// The import's decisions (DESIGN.md §3 CSV), made a batch of rows at a time
// against Clerk's state read in bulk once per phase: only the differences are
// written. Pure apart from the ports it is given.

export type CsvImportPorts = {
  tenants: {
    findTenantsByShortNames(shortNames: string[]): Promise<Tenant[]>;
    adoptOrg(fields: AdoptedOrg): Promise<Tenant | null>;
    applyClerkSync(clerkOrgId: string, changes: ClerkSyncChanges): Promise<boolean>;
  };
  clerk: {
    listAllOrganizations(): Promise<ClerkOrg[]>;
    listAllMemberships(): Promise<BulkMembership[]>;
    listAllPendingInvitations(): Promise<BulkInvitation[]>;
    findUserIdsByEmails(emails: string[]): Promise<Map<string, string>>;
    findOrganizationBySlug(slug: string): Promise<ClerkOrg | null>;
    createOrganization(params: { name: string; slug: string }): Promise<ClerkOrg>;
    updateOrganization(id: string, params: { name: string }): Promise<ClerkOrg>;
    addMember(organizationId: string, userId: string, role: string): Promise<void>;
    setMemberRole(organizationId: string, userId: string, role: string): Promise<void>;
    inviteMember(organizationId: string, email: string, role: string, inviterUserId: string): Promise<void>;
  };
};

/** Clerk's state as the import needs it, kept current as the import writes. */
export type ClerkState = {
  orgsBySlug: Map<string, ClerkOrg>;
  /** orgId → userId → role */
  roles: Map<string, Map<string, string>>;
  /** orgId → emails of members (their primary identifier), to skip looking them up */
  memberEmails: Map<string, Map<string, string>>;
  /** orgId → emails with a pending invitation */
  pending: Map<string, Set<string>>;
  /** email → user id, or null when Clerk has no such user (filled as rows need it) */
  users: Map<string, string | null>;
};

export async function loadClerkState({ clerk }: CsvImportPorts): Promise<ClerkState> {
  const [orgs, memberships, invitations] = await Promise.all([
    clerk.listAllOrganizations(),
    clerk.listAllMemberships(),
    clerk.listAllPendingInvitations(),
  ]);
  const state: ClerkState = { orgsBySlug: new Map(), roles: new Map(), memberEmails: new Map(), pending: new Map(), users: new Map() };
  for (const org of orgs) state.orgsBySlug.set(org.slug, org);
  for (const m of memberships) {
    setIn(state.roles, m.organizationId, m.userId, m.role);
    if (m.identifier) setIn(state.memberEmails, m.organizationId, m.identifier, m.userId);
  }
  for (const i of invitations) addTo(state.pending, i.organizationId, i.emailAddress);
  return state;
}

function setIn<V>(map: Map<string, Map<string, V>>, key: string, inner: string, value: V) {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  m.set(inner, value);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string) {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

type AdminAction = { kind: 'add' | 'promote'; email: string; userId: string } | { kind: 'invite'; email: string };
type OrgAction = 'create' | 'adopt' | 'update' | 'unchanged';

export type RowPlan = {
  line: number;
  problems: CsvProblemDetail[];
  warnings: CsvProblemDetail[];
  row?: OrgCsvRow;
  org?: OrgAction;
  admins: AdminAction[];
};

/** Validation of a row alone (cheap): duplicates are tracked in `seen` across the whole file. */
export function checkRecord(line: number, record: Record<string, string>, seen: Map<string, number>): RowPlan {
  const { row, problems, warnings } = validateRecord(record);
  if (row) {
    const earlier = seen.get(row.shortName);
    if (earlier !== undefined && earlier !== line) problems.push(problem('shortNameRepeated', { shortName: row.shortName, earlierLine: earlier }));
    else seen.set(row.shortName, line);
  }
  return { line, problems, warnings, row: problems.length ? undefined : row, admins: [] };
}

/**
 * Decides, for a batch of rows that passed checkRecord, what each changes in
 * MongoDB and Clerk. One MongoDB query for the batch; emails that are neither
 * a member nor invited are looked up in Clerk together (≤ 100 a call).
 */
export async function planBatch(plans: RowPlan[], state: ClerkState, ports: CsvImportPorts): Promise<void> {
  const valid = plans.filter((p) => p.row);
  if (valid.length === 0) return;
  const tenants = new Map((await ports.tenants.findTenantsByShortNames(valid.map((p) => p.row!.shortName))).map((t) => [t.shortName, t]));
  const unknownEmails = new Set<string>();
  for (const plan of valid) {
    const row = plan.row!;
    const existing = tenants.get(row.shortName) ?? null;
    plan.problems.push(...rowRules(row, existing));
    if (!row.isTestOrg && row.logoUrl && row.logoUrl !== existing?.logoUrl) plan.warnings.push(problem('logoUrlIgnored'));
    const clerkOrg = state.orgsBySlug.get(row.shortName);
    if (existing?.clerkOrgId && clerkOrg?.id !== existing.clerkOrgId) plan.problems.push(problem('orgGoneFromClerk', { shortName: row.shortName }));
    if (plan.problems.length) {
      plan.row = undefined;
      continue;
    }
    if (existing) plan.org = !existing.isTestOrg && existing.name !== row.name ? 'update' : 'unchanged';
    else plan.org = clerkOrg ? 'adopt' : 'create';
    for (const email of row.admins) {
      if (!explained(state, clerkOrg?.id, email) && !state.users.has(email)) unknownEmails.add(email);
    }
  }
  if (unknownEmails.size) {
    const found = await ports.clerk.findUserIdsByEmails([...unknownEmails]);
    for (const email of unknownEmails) state.users.set(email, found.get(email) ?? null);
  }
  for (const plan of valid) {
    if (!plan.row) continue;
    const orgId = state.orgsBySlug.get(plan.row.shortName)?.id;
    plan.admins = plan.row.admins.flatMap((email) => adminAction(state, orgId, email));
  }
}

/** An email already an admin (by its member identifier) or invited needs no user look-up. */
function explained(state: ClerkState, orgId: string | undefined, email: string): boolean {
  if (!orgId) return false;
  const userId = state.memberEmails.get(orgId)?.get(email);
  return (userId !== undefined && state.roles.get(orgId)?.get(userId) === ORG_ROLE.admin) || (state.pending.get(orgId)?.has(email) ?? false);
}

function adminAction(state: ClerkState, orgId: string | undefined, email: string): AdminAction[] {
  const userId = (orgId && state.memberEmails.get(orgId)?.get(email)) || state.users.get(email) || null;
  if (userId) {
    const role = orgId ? state.roles.get(orgId)?.get(userId) : undefined;
    if (role === ORG_ROLE.admin) return [];
    return [{ kind: role ? 'promote' : 'add', email, userId }];
  }
  if (orgId && state.pending.get(orgId)?.has(email)) return [];
  return [{ kind: 'invite', email }];
}

function rowRules(row: OrgCsvRow, existing: Tenant | null): CsvProblemDetail[] {
  const problems: CsvProblemDetail[] = [];
  const { shortName } = row;
  if (existing?.status === 'archived') problems.push(problem('orgArchived', { shortName }));
  if (existing?.status === 'provisioning') problems.push(problem('orgProvisioning', { shortName }));
  if (row.isTestOrg && !existing?.isTestOrg) problems.push(problem('testOrgByImport'));
  if (!row.isTestOrg && existing?.isTestOrg) problems.push(problem('testOrgMustStayTest', { shortName }));
  if (row.isTestOrg && existing?.isTestOrg && (row.name !== existing.shortName || row.logoUrl)) problems.push(problem('testOrgFieldsFixed'));
  return problems;
}

/**
 * Applies one planned row. Safe to run again after a crash: an org Clerk
 * already has under the slug is adopted, an admin already there or already
 * invited is left alone (the state is re-read when a job resumes).
 */
export async function applyRowPlan(plan: RowPlan, state: ClerkState, inviterUserId: string, { tenants, clerk }: CsvImportPorts): Promise<void> {
  const row = plan.row;
  if (!row || !plan.org) return;
  let org = state.orgsBySlug.get(row.shortName);
  if (plan.org === 'create' || plan.org === 'adopt') {
    org ??= await createOrAdopt(row, clerk);
    if (org.name !== row.name) org = await clerk.updateOrganization(org.id, { name: row.name });
    state.orgsBySlug.set(org.slug, org);
    await tenants.adoptOrg(adoptionOf(org));
  } else if (plan.org === 'update' && org) {
    org = await clerk.updateOrganization(org.id, { name: row.name });
    state.orgsBySlug.set(org.slug, org);
    await tenants.applyClerkSync(org.id, { name: org.name, clerkUpdatedAt: org.updatedAt });
  }
  if (!org) return;
  for (const action of plan.admins) {
    if (action.kind === 'invite') {
      await clerk.inviteMember(org.id, action.email, ORG_ROLE.admin, inviterUserId);
      addTo(state.pending, org.id, action.email);
    } else {
      if (action.kind === 'promote') await clerk.setMemberRole(org.id, action.userId, ORG_ROLE.admin);
      else await clerk.addMember(org.id, action.userId, ORG_ROLE.admin);
      setIn(state.roles, org.id, action.userId, ORG_ROLE.admin);
    }
  }
}

/**
 * Why a row could not be applied, as a problem: Clerk's refusal keeps Clerk's
 * error code (what an admin can look up); anything else is logged by the caller.
 */
export function notAppliedProblem(error: unknown): CsvProblemDetail {
  if (error instanceof ClerkRejectedError) return problem('clerkRefused', { clerkCode: (error.code ?? String(error.status ?? '')).slice(0, 200) });
  return problem('notApplied');
}

async function createOrAdopt(row: OrgCsvRow, clerk: CsvImportPorts['clerk']): Promise<ClerkOrg> {
  try {
    return await clerk.createOrganization({ name: row.name, slug: row.shortName });
  } catch (error) {
    // Created by an earlier, interrupted attempt whose answer was lost: adopt it.
    const org = await clerk.findOrganizationBySlug(row.shortName).catch(() => null);
    if (org) return org;
    throw error;
  }
}

export type PlanCounts = { created: number; updated: number; unchanged: number; rejected: number; invited: number; adminsAdded: number };

export function emptyCounts(): PlanCounts {
  return { created: 0, updated: 0, unchanged: 0, rejected: 0, invited: 0, adminsAdded: 0 };
}

export function countPlan(plan: RowPlan, counts: PlanCounts): void {
  if (plan.problems.length || !plan.org) {
    counts.rejected += 1;
    return;
  }
  if (plan.org === 'create' || plan.org === 'adopt') counts.created += 1;
  else counts[plan.org === 'update' ? 'updated' : 'unchanged'] += 1;
  for (const a of plan.admins) counts[a.kind === 'invite' ? 'invited' : 'adminsAdded'] += 1;
}
