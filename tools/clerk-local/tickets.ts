// Invitation tickets (`__clerk_ticket`): like Clerk's, a token signed with the
// instance key that names the invitation, so a link cannot be forged or
// pointed at another invitation. clerk-js passes it back unchanged as
// `ticket` with `strategy=ticket` on sign-up or sign-in.
import { verify } from 'node:crypto';
import type { SigningKey } from './keys';
import { signJwt } from './sessions';

type TicketClaims = { iid: string; oid: string; st: 'organization_invitation'; iat: number; exp: number };

export function invitationTicket(key: SigningKey, invitation: { id: string; organization_id: string; expires_at: number }): string {
  const iat = Math.floor(Date.now() / 1000);
  const claims: TicketClaims = { iid: invitation.id, oid: invitation.organization_id, st: 'organization_invitation', iat, exp: Math.floor(invitation.expires_at / 1000) };
  return signJwt(claims, key);
}

/** The invitation id a ticket names, or null when it is not one of this instance's or has expired. */
export function invitationIdOfTicket(key: SigningKey, ticket: string): string | null {
  const [header, payload, signature] = ticket.split('.');
  if (!header || !payload || !signature) return null;
  const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key.publicKey, Buffer.from(signature, 'base64url'));
  if (!signed) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TicketClaims>;
    if (claims.st !== 'organization_invitation' || typeof claims.iid !== 'string') return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return null;
    return claims.iid;
  } catch {
    return null;
  }
}

/** The link an invitation email carries: `base` with the ticket and `__clerk_status`; null without a base. */
export function invitationLink(key: SigningKey, base: string | null, invitation: { id: string; organization_id: string; expires_at: number }, userExists: boolean): string | null {
  if (!base) return null;
  const link = new URL(base);
  link.searchParams.set('__clerk_ticket', invitationTicket(key, invitation));
  link.searchParams.set('__clerk_status', userExists ? 'sign_in' : 'sign_up');
  return link.href;
}
