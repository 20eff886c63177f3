// State shared by every resource of the store, and the helpers they all use.
import type { ClientRecord, ImageRecord, InvitationRecord, InvitationStatus, MembershipRecord, OrgRecord, SessionRecord, UserRecord } from '../records';
import type { SerializeContext } from '../serialize';
import { ByOrgMap } from './byOrg';
import type { ChangeContext, StoreOptions, Page } from './types';

export const DAY_MS = 86_400_000;

/** Newest first (Clerk's default `-created_at`), creation order breaking ties. */
export function sortRecords<T extends { created_at: number; updated_at: number; seq: number }>(items: T[], orderBy = '-created_at'): T[] {
  const desc = !orderBy.startsWith('+') && orderBy.startsWith('-');
  const field = orderBy.replace(/^[+-]/, '') === 'updated_at' ? 'updated_at' : 'created_at';
  return [...items].sort((a, b) => {
    const d = a[field] - b[field] || a.seq - b.seq;
    return desc ? -d : d;
  });
}

export function page<T>(items: T[], p: Page): { items: T[]; total: number } {
  return { items: items.slice(p.offset, p.offset + p.limit), total: items.length };
}

export function includes(haystack: (string | null | undefined)[], needle: string): boolean {
  const n = needle.toLowerCase();
  return haystack.some((h) => h?.toLowerCase().includes(n));
}

/**
 * The maps every resource module reads, the clock and the change hooks. Each
 * resource adds its methods in a subclass (users → organizations → memberships
 * → invitations → ClerkStore), so callers keep one `store` object.
 */
export abstract class StoreState {
  readonly users = new Map<string, UserRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly memberships = new ByOrgMap<MembershipRecord>();
  readonly invitations = new ByOrgMap<InvitationRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly images = new Map<string, ImageRecord>();
  /** Frontend API clients by dev browser token. */
  readonly clients = new Map<string, ClientRecord>();
  protected seq = 0;
  protected lastTime = 0;
  private changes = 0;
  protected readonly listeners = new Set<() => void>();
  readonly view: SerializeContext;

  constructor(protected readonly options: StoreOptions) {
    this.view = {
      baseUrl: options.baseUrl,
      user: (id) => this.users.get(id),
      org: (id) => this.orgs.get(id),
      membersCount: (orgId) => this.membershipsOf(orgId).length,
      pendingInvitationsCount: (orgId) =>
        this.invitations.of(orgId).filter((i) => this.statusOf(i) === 'pending').length,
    };
  }

  /** Called after every change (persistence hooks in here). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Strictly increasing milliseconds: two changes in the same millisecond still
   * get ordered `updated_at` values, which webhook consumers use to drop stale events.
   */
  now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  protected emit(type: string, data: unknown, context: ChangeContext | undefined): void {
    this.options.emit({ type, data, context });
  }

  protected changed(): void {
    this.changes += 1;
    for (const l of this.listeners) l();
  }

  /** Counts changes: what a cached view of the maps compares against. */
  get version(): number {
    return this.changes;
  }

  /** Every update: a later `updated_at`, the `*.updated` event with the record as it is now, persistence. */
  protected touch<T extends { updated_at: number }>(record: T, type: string, json: (r: T) => unknown, context: ChangeContext | undefined): T {
    record.updated_at = this.now();
    this.emit(type, json(record), context);
    this.changed();
    return record;
  }

  membershipsOf(orgId: string): MembershipRecord[] {
    return this.memberships.of(orgId);
  }

  /** Pending invitations past `expires_at` read as expired. */
  statusOf(i: InvitationRecord): InvitationStatus {
    return i.status === 'pending' && i.expires_at <= Date.now() ? 'expired' : i.status;
  }
}
