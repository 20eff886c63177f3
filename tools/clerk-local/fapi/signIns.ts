// Sign-in with email address + password (clerk-js `<SignIn/>`: identifier
// first, then the password as first factor), or the email code 424242, or an
// invitation's ticket for someone who already has an account (`__clerk_status=sign_in`):
// the invitation is accepted and its org becomes the session's active org.
import { newId } from '../ids';
import { passwordMatches } from '../passwords';
import type { SignInRecord, UserRecord } from '../records';
import type { Router } from '../router';
import { changeContext } from '../routes/context';
import { type Fapi, type FapiRequest, TEST_CODE } from './context';
import { formErrors } from './formErrors';
import { signInJson } from './serialize';

function findUser(f: Fapi, identifier: string): UserRecord | undefined {
  const [user] = f.store.listUsers({ email_address: [identifier.trim().toLowerCase()] }, { limit: 1, offset: 0 }).items;
  return user;
}

function complete(f: Fapi, req: FapiRequest, si: SignInRecord, strategy: string): void {
  const session = f.signIn(req, si.user_id ?? '', strategy);
  si.status = 'complete';
  si.created_session_id = session.id;
}

function attempt(f: Fapi, req: FapiRequest, si: SignInRecord, p: Record<string, string>): void {
  const user = si.user_id ? f.store.users.get(si.user_id) : undefined;
  if (!user) throw formErrors.identifierNotFound();
  const strategy = p.strategy ?? (p.password !== undefined ? 'password' : '');
  if (strategy === 'password') {
    si.first_factor = { strategy: 'password', status: 'unverified', attempts: (si.first_factor?.attempts ?? 0) + 1, expire_at: null };
    if (!passwordMatches(p.password ?? '', user.password_digest)) {
      si.first_factor.status = 'failed';
      throw formErrors.passwordIncorrect();
    }
    si.first_factor.status = 'verified';
    complete(f, req, si, 'password');
    return;
  }
  if (strategy === 'email_code') {
    const v = (si.first_factor ??= { strategy: 'email_code', status: 'unverified', attempts: 0, expire_at: Date.now() + 600_000 });
    v.attempts += 1;
    if (p.code !== TEST_CODE) throw formErrors.codeIncorrect();
    v.status = 'verified';
    complete(f, req, si, 'email_code');
    return;
  }
  throw formErrors.strategyUnsupported(strategy || '(none)');
}

function current(req: FapiRequest, id: string): SignInRecord {
  const si = req.client.sign_in;
  if (!si || si.id !== id) throw formErrors.notFound();
  return si;
}

export function signInRoutes(r: Router, f: Fapi): void {
  r.post('/client/sign_ins', (ctx) => {
    const req = f.request(ctx);
    const p = req.params;
    const t = Date.now();
    const si: SignInRecord = {
      id: newId('signIn'),
      status: 'needs_identifier',
      identifier: null,
      user_id: null,
      first_factor: null,
      created_session_id: null,
      created_at: t,
      abandon_at: t + 86_400_000,
    };
    req.client.sign_in = si;
    if (p.strategy === 'ticket' && p.ticket) {
      const invitation = f.invitationOfTicket(p.ticket);
      const user = findUser(f, invitation.email_address);
      if (!user) throw formErrors.identifierNotFound();
      const membership = f.store.acceptInvitation(invitation.id, user.id, changeContext(ctx));
      si.identifier = invitation.email_address;
      si.user_id = user.id;
      si.first_factor = { strategy: 'ticket', status: 'verified', attempts: 1, expire_at: null };
      const session = f.signIn(req, user.id, 'ticket', { organizationId: membership.organization_id });
      si.status = 'complete';
      si.created_session_id = session.id;
    } else if (p.identifier) {
      const user = findUser(f, p.identifier);
      if (!user) throw formErrors.identifierNotFound();
      si.identifier = p.identifier.trim().toLowerCase();
      si.user_id = user.id;
      si.status = 'needs_first_factor';
      if (p.password !== undefined || p.strategy === 'password') attempt(f, req, si, p);
    }
    f.store.touched();
    return f.wrap(req, signInJson(f.store, si));
  });

  signInFactorRoutes(r, f);
}

/** An existing sign-in: read it, prepare and attempt its first factor. */
function signInFactorRoutes(r: Router, f: Fapi): void {
  r.get('/client/sign_ins/{sign_in_id}', (ctx) => {
    const req = f.request(ctx);
    return f.wrap(req, signInJson(f.store, current(req, ctx.params.sign_in_id ?? '')));
  });

  r.post('/client/sign_ins/{sign_in_id}/prepare_first_factor', (ctx) => {
    const req = f.request(ctx);
    const si = current(req, ctx.params.sign_in_id ?? '');
    const strategy = req.params.strategy ?? '';
    if (strategy !== 'email_code') throw formErrors.strategyUnsupported(strategy);
    // No email is sent: the code is always 424242 (Clerk's test code), shown at /__local/emails.
    si.first_factor = { strategy: 'email_code', status: 'unverified', attempts: 0, expire_at: Date.now() + 600_000 };
    if (si.identifier) f.codeSent(si.identifier);
    f.store.touched();
    return f.wrap(req, signInJson(f.store, si));
  });

  r.post('/client/sign_ins/{sign_in_id}/attempt_first_factor', (ctx) => {
    const req = f.request(ctx);
    const si = current(req, ctx.params.sign_in_id ?? '');
    try {
      attempt(f, req, si, req.params);
    } finally {
      f.store.touched();
    }
    return f.wrap(req, signInJson(f.store, si));
  });
}
