// Sign-up with email address + password (clerk-js `<SignUp/>`). The user is
// created in the same store as Backend API users, so the Backend API sees
// them and `user.created` is delivered (which provisions Tenantry's test org).
// Email verification: as the instance setting `emailVerification` says, with
// Clerk's test code 424242. With `strategy=ticket` (an invitation link's
// `__clerk_ticket`) the email comes from the invitation and is verified by it;
// completing accepts the invitation and makes its org the session's active org.
import { newId } from '../ids';
import { passwordDigest } from '../passwords';
import type { SignUpRecord } from '../records';
import type { Router } from '../router';
import { changeContext } from '../routes/context';
import { type Fapi, type FapiRequest, TEST_CODE } from './context';
import { formErrors } from './formErrors';
import { signUpJson } from './serialize';

const MIN_PASSWORD = 8;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function emailTaken(f: Fapi, email: string): boolean {
  return f.store.listUsers({ email_address: [email] }, { limit: 1, offset: 0 }).total > 0;
}

function apply(f: Fapi, su: SignUpRecord, p: Record<string, string>): void {
  if (p.strategy === 'ticket' && p.ticket) {
    const invitation = f.invitationOfTicket(p.ticket);
    if (emailTaken(f, invitation.email_address)) throw formErrors.emailTaken();
    su.invitation_id = invitation.id;
    su.email_address = invitation.email_address;
    su.email_verification = { strategy: 'ticket', status: 'verified', attempts: 1, expire_at: invitation.expires_at };
  }
  if (p.email_address !== undefined) {
    const email = p.email_address.trim().toLowerCase();
    if (!EMAIL.test(email)) throw formErrors.emailInvalid();
    if (emailTaken(f, email)) throw formErrors.emailTaken();
    if (email !== su.email_address) {
      // Another address than the invitation's: no longer verified by its ticket.
      su.email_verification = null;
      su.invitation_id = null;
    }
    su.email_address = email;
  }
  if (p.password !== undefined) {
    if (p.password.length < MIN_PASSWORD) throw formErrors.passwordTooShort(MIN_PASSWORD);
    su.password_digest = passwordDigest(p.password);
  }
  if (p.first_name !== undefined) su.first_name = p.first_name || null;
  if (p.last_name !== undefined) su.last_name = p.last_name || null;
  if (p.username !== undefined) su.username = p.username || null;
  if (p.unsafe_metadata !== undefined) {
    try {
      su.unsafe_metadata = JSON.parse(p.unsafe_metadata) as Record<string, unknown>;
    } catch {
      throw formErrors.missing('unsafe_metadata');
    }
  }
}

/** Completes the sign-up once nothing is missing: creates the user and signs the browser in. */
function maybeComplete(f: Fapi, req: FapiRequest, su: SignUpRecord): void {
  if (su.status !== 'missing_requirements' || !su.email_address || !su.password_digest) return;
  if (f.deps.settings.get().emailVerification && su.email_verification?.status !== 'verified') return;
  // Checked again: another browser may have taken the address meanwhile.
  if (emailTaken(f, su.email_address)) throw formErrors.emailTaken();
  const user = f.store.createUser(
    {
      email_address: [su.email_address],
      password_digest: su.password_digest,
      first_name: su.first_name,
      last_name: su.last_name,
      username: su.username,
      unsafe_metadata: su.unsafe_metadata,
    },
    changeContext(req.ctx),
  );
  const invitation = su.invitation_id ? f.store.invitations.get(su.invitation_id) : undefined;
  const membership = invitation ? f.store.acceptInvitation(invitation.id, user.id, changeContext(req.ctx)) : undefined;
  // The invitee lands in the org that invited them (their test org comes from user.created as for anyone).
  const session = f.signIn(req, user.id, invitation ? 'ticket' : 'password', { organizationId: membership?.organization_id ?? null });
  su.status = 'complete';
  su.created_user_id = user.id;
  su.created_session_id = session.id;
}

function current(f: Fapi, req: FapiRequest, id: string): SignUpRecord {
  const su = req.client.sign_up;
  if (!su || su.id !== id) throw formErrors.notFound();
  return su;
}

export function signUpRoutes(r: Router, f: Fapi): void {
  r.post('/client/sign_ups', (ctx) => {
    const req = f.request(ctx);
    const t = Date.now();
    const su: SignUpRecord = {
      id: newId('signUp'),
      status: 'missing_requirements',
      email_address: null,
      password_digest: null,
      first_name: null,
      last_name: null,
      username: null,
      unsafe_metadata: {},
      email_verification: null,
      invitation_id: null,
      created_user_id: null,
      created_session_id: null,
      created_at: t,
      abandon_at: t + 86_400_000,
    };
    apply(f, su, req.params);
    req.client.sign_up = su;
    maybeComplete(f, req, su);
    f.store.touched();
    return f.wrap(req, signUpJson(su));
  });

  r.get('/client/sign_ups/{sign_up_id}', (ctx) => {
    const req = f.request(ctx);
    return f.wrap(req, signUpJson(current(f, req, ctx.params.sign_up_id ?? '')));
  });

  r.patch('/client/sign_ups/{sign_up_id}', (ctx) => {
    const req = f.request(ctx);
    const su = current(f, req, ctx.params.sign_up_id ?? '');
    apply(f, su, req.params);
    maybeComplete(f, req, su);
    f.store.touched();
    return f.wrap(req, signUpJson(su));
  });

  signUpVerificationRoutes(r, f);
}

/** A sign-up's email verification: prepare (send the code) and attempt it. */
function signUpVerificationRoutes(r: Router, f: Fapi): void {
  r.post('/client/sign_ups/{sign_up_id}/prepare_verification', (ctx) => {
    const req = f.request(ctx);
    const su = current(f, req, ctx.params.sign_up_id ?? '');
    const strategy = req.params.strategy ?? 'email_code';
    if (strategy !== 'email_code') throw formErrors.strategyUnsupported(strategy);
    if (!su.email_address) throw formErrors.missing('email_address');
    // No email is sent: the code is always 424242 (Clerk's test code), shown at /__local/emails.
    su.email_verification = { strategy: 'email_code', status: 'unverified', attempts: 0, expire_at: Date.now() + 600_000 };
    f.codeSent(su.email_address);
    f.store.touched();
    return f.wrap(req, signUpJson(su));
  });

  r.post('/client/sign_ups/{sign_up_id}/attempt_verification', (ctx) => {
    const req = f.request(ctx);
    const su = current(f, req, ctx.params.sign_up_id ?? '');
    const strategy = req.params.strategy ?? 'email_code';
    if (strategy !== 'email_code') throw formErrors.strategyUnsupported(strategy);
    const v = (su.email_verification ??= { strategy: 'email_code', status: 'unverified', attempts: 0, expire_at: Date.now() + 600_000 });
    v.attempts += 1;
    if (req.params.code !== TEST_CODE) {
      f.store.touched();
      throw formErrors.codeIncorrect();
    }
    v.status = 'verified';
    maybeComplete(f, req, su);
    f.store.touched();
    return f.wrap(req, signUpJson(su));
  });
}
