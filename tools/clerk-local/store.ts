// The emulator's state: users, organizations, memberships, invitations,
// sessions and uploaded images, all in memory. Every change Clerk would report
// is passed to `emit` as a webhook event with the object as it is now. Each
// resource lives in `store/`; this class adds sessions and persistence.
import { errors } from './errors';
import { newId } from './ids';
import type { SessionRecord } from './records';
import type { StoreSnapshot } from './store/types';
import { InvitationStore } from './store/invitations';

export type * from './store/types';

export class ClerkStore extends InvitationStore {
  // ---- sessions ----------------------------------------------------------

  /** A signed-in session; the active org must be one the user belongs to. */
  createSession(userId: string, orgId: string | null, ttlMs: number, clientId?: string): SessionRecord {
    const u = this.getUser(userId);
    if (orgId && !this.findMembership(this.getOrganization(orgId).id, userId)) {
      throw errors.paramValueInvalid('organization_id', `${userId} is not a member of ${orgId}, so it cannot be the active organization.`);
    }
    const t = this.now();
    const s: SessionRecord = {
      id: newId('session'),
      user_id: userId,
      client_id: clientId ?? newId('client'),
      status: 'active',
      last_active_organization_id: orgId ? this.getOrganization(orgId).id : null,
      created_at: t,
      updated_at: t,
      expire_at: t + ttlMs,
      seq: this.nextSeq(),
    };
    this.sessions.set(s.id, s);
    // Signing in is not a user change Clerk reports, so no event here.
    u.last_sign_in_at = t;
    u.last_active_at = t;
    this.changed();
    return s;
  }

  // ---- persistence -------------------------------------------------------

  snapshot(): StoreSnapshot {
    return {
      seq: this.seq,
      users: [...this.users.values()],
      orgs: [...this.orgs.values()],
      memberships: [...this.memberships.values()],
      invitations: [...this.invitations.values()],
      sessions: [...this.sessions.values()],
      images: [...this.images.values()].map((i) => ({ id: i.id, content_type: i.content_type, data: i.data.toString('base64') })),
      clients: [...this.clients.values()],
    };
  }

  restore(s: StoreSnapshot): void {
    this.seq = s.seq;
    for (const u of s.users) this.users.set(u.id, u);
    for (const o of s.orgs) this.orgs.set(o.id, o);
    for (const m of s.memberships) this.memberships.set(m.id, m);
    for (const i of s.invitations) this.invitations.set(i.id, i);
    for (const x of s.sessions) this.sessions.set(x.id, x);
    for (const i of s.images) this.images.set(i.id, { id: i.id, content_type: i.content_type, data: Buffer.from(i.data, 'base64') });
    for (const c of s.clients ?? []) this.clients.set(c.dev_browser, c);
  }

  /** Marks the store changed (persistence) after a Frontend API change to a client. */
  touched(): void {
    this.changed();
  }
}
