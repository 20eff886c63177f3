import { verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { FakeBrowser } from './browser';
import { email, uniq, useEmulator } from './fixture';

const lines: string[] = [];
const env = useEmulator({ log: (line) => lines.push(line) });
const PASSWORD = 'frontend-password';

type Client = {
  id: string;
  sessions: { id: string; status: string; last_active_organization_id: string | null; last_active_token: { jwt: string } | null; user: { id: string } }[];
  last_active_session_id: string | null;
  updated_at: number;
};
type Wrapped<T> = { response: T; client: Client | null };
type ErrorBody = { errors: { code: string; meta?: { param_name?: string } }[] };

async function signedUp(address = email('fapi')) {
  const browser = new FakeBrowser(env.local);
  await browser.createDevBrowser();
  const res = await browser.call<Wrapped<{ status: string; created_user_id: string; created_session_id: string }>>('POST', '/client/sign_ups', {
    email_address: address,
    password: PASSWORD,
  });
  expect(res.status).toBe(200);
  return { browser, address, signUp: res.body.response, client: res.body.client! };
}

describe('clerk-local Frontend API', () => {
  it('serves the environment clerk-js starts with: email + password, organizations without forced selection', async () => {
    const browser = new FakeBrowser(env.local);
    const res = await browser.call<Record<string, Record<string, unknown>>>('PATCH', '/environment');
    expect(res.status).toBe(200);
    expect(res.body.organization_settings).toMatchObject({ enabled: true, force_organization_selection: false });
    expect(res.body.user_settings).toMatchObject({ attributes: { email_address: { enabled: true }, password: { enabled: true, required: true } } });
    expect(res.body.display_config).toMatchObject({ captcha_public_key: null, instance_environment_type: 'development' });
  });

  it('sign-up with email and password creates a Backend API user, delivers user.created and signs the browser in', async () => {
    const { signUp, client, address } = await signedUp();
    expect(signUp.status).toBe('complete');
    const user = await env.clerk.users.getUser(signUp.created_user_id);
    expect(user.emailAddresses[0]?.emailAddress).toBe(address);
    expect(user.passwordEnabled).toBe(true);
    expect(env.local.deliveries.list().some((m) => m.type === 'user.created' && m.payload.includes(user.id))).toBe(true);
    expect(client.last_active_session_id).toBe(signUp.created_session_id);
    const session = client.sessions[0]!;
    const claims = await verifyToken(session.last_active_token!.jwt, { jwtKey: env.local.jwtKey });
    expect(claims).toMatchObject({ sub: user.id, sid: session.id, v: 2 });
    // __client_uat (from updated_at, in seconds) must never pass the token's iat, or the app would loop into handshakes.
    expect(Math.floor(client.updated_at / 1000)).toBeLessThanOrEqual(claims.iat);
  });

  it('refuses a taken email address and a short password with form errors on the field', async () => {
    const { address } = await signedUp();
    const browser = new FakeBrowser(env.local);
    const taken = await browser.call<ErrorBody>('POST', '/client/sign_ups', { email_address: address, password: PASSWORD });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });
    const short = await browser.call<ErrorBody>('POST', '/client/sign_ups', { email_address: email('short'), password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { param_name: 'password' } });
  });

  it('sign-in: identifier first, then the password; a wrong password is a form error', async () => {
    const { address, signUp } = await signedUp();
    const browser = new FakeBrowser(env.local);
    await browser.createDevBrowser();
    const start = await browser.call<Wrapped<{ id: string; status: string; supported_first_factors: { strategy: string }[] }>>('POST', '/client/sign_ins', {
      identifier: address,
    });
    expect(start.body.response.status).toBe('needs_first_factor');
    expect(start.body.response.supported_first_factors.map((f) => f.strategy)).toContain('password');
    const id = start.body.response.id;
    const wrong = await browser.call<ErrorBody>('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'nope-nope' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { param_name: 'password' } });
    const right = await browser.call<Wrapped<{ status: string; created_session_id: string }>>('POST', `/client/sign_ins/${id}/attempt_first_factor`, {
      strategy: 'password',
      password: PASSWORD,
    });
    expect(right.body.response.status).toBe('complete');
    expect(right.body.client?.sessions[0]?.user.id).toBe(signUp.created_user_id);
  });

  it('sign-in with the email code accepts only 424242', async () => {
    const { address } = await signedUp();
    const browser = new FakeBrowser(env.local);
    await browser.createDevBrowser();
    const start = await browser.call<Wrapped<{ id: string }>>('POST', '/client/sign_ins', { identifier: address });
    const id = start.body.response.id;
    await browser.call('POST', `/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code' });
    expect((await browser.call('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '000000' })).status).toBe(422);
    const ok = await browser.call<Wrapped<{ status: string }>>('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '424242' });
    expect(ok.body.response.status).toBe('complete');
  });

  it('an unknown identifier is reported on the identifier field', async () => {
    const res = await new FakeBrowser(env.local).call<ErrorBody>('POST', '/client/sign_ins', { identifier: email('nobody') });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_identifier_not_found', meta: { param_name: 'identifier' } });
  });

  it('touch sets the active organization (setActive) and tokens then carry its o claims', async () => {
    const { browser, signUp } = await signedUp();
    const org = await env.clerk.organizations.createOrganization({ name: 'Active', slug: uniq('active'), createdBy: signUp.created_user_id });
    const sid = signUp.created_session_id;
    const touched = await browser.call<Wrapped<{ last_active_organization_id: string }>>('POST', `/client/sessions/${sid}/touch`, {
      active_organization_id: org.id,
    });
    expect(touched.body.response.last_active_organization_id).toBe(org.id);
    const token = await browser.call<{ object: string; jwt: string }>('POST', `/client/sessions/${sid}/tokens`, { organization_id: org.id });
    expect(token.body.object).toBe('token');
    const claims = await verifyToken(token.body.jwt, { jwtKey: env.local.jwtKey });
    expect(claims).toMatchObject({ sub: signUp.created_user_id, o: { id: org.id, slg: org.slug, rol: 'admin' } });
    const personal = await browser.call<{ jwt: string }>('POST', `/client/sessions/${sid}/tokens`, { organization_id: '' });
    expect((await verifyToken(personal.body.jwt, { jwtKey: env.local.jwtKey })).o).toBeUndefined();

    const memberships = await browser.call<Wrapped<{ data: { organization: { id: string }; role: string }[]; total_count: number }>>(
      'GET',
      '/me/organization_memberships',
      undefined,
      { paginated: 'true', _clerk_session_id: sid },
    );
    expect(memberships.body.response.data.map((m) => [m.organization.id, m.role])).toEqual([[org.id, 'org:admin']]);

    const stranger = await env.clerk.organizations.createOrganization({ name: 'Other', slug: uniq('other') });
    const refused = await browser.call<ErrorBody>('POST', `/client/sessions/${sid}/touch`, { active_organization_id: stranger.id });
    expect(refused.status).toBe(404);
  });

  it('signing out (DELETE /v1/client) ends the session: no tokens any more, the client is empty', async () => {
    const { browser, signUp } = await signedUp();
    const sid = signUp.created_session_id;
    const out = await browser.call<Wrapped<Client>>('DELETE', '/client');
    expect(out.status).toBe(200);
    expect(out.body.response.sessions).toEqual([]);
    expect((await browser.call('POST', `/client/sessions/${sid}/tokens`)).status).toBe(401);
    expect((await env.clerk.sessions.getSession(sid).catch(() => null))?.status ?? 'ended').not.toBe('active');
  });

  it('ending one session (POST .../end) signs that browser out', async () => {
    const { browser, signUp } = await signedUp();
    const sid = signUp.created_session_id;
    const ended = await browser.call<Wrapped<{ status: string }>>('POST', `/client/sessions/${sid}/end`);
    expect(ended.body.response.status).toBe('ended');
    expect(ended.body.client?.last_active_session_id).toBeNull();
  });

  it('answers an unknown Frontend API route with Clerk’s 404 and logs the gap', async () => {
    const res = await new FakeBrowser(env.local).call<ErrorBody>('GET', '/me/totally_unknown');
    expect(res.status).toBe(404);
    expect(res.body.errors[0]?.code).toBe('resource_not_found');
    expect(lines.some((l) => l.includes('GET /v1/me/totally_unknown'))).toBe(true);
    expect(env.local.frontendRequests.count({ path: '/v1/me/totally_unknown', status: 404 })).toBe(1);
  });

  it('keeps the Backend API on /v1 for secret-key requests, also on paths both APIs have', async () => {
    const { signUp } = await signedUp();
    const org = await env.clerk.organizations.createOrganization({ name: 'Both', slug: uniq('both'), createdBy: signUp.created_user_id });
    const before = env.local.frontendRequests.count();
    const fetched = await env.clerk.organizations.getOrganization({ organizationId: org.id });
    expect(fetched.slug).toBe(org.slug);
    expect(env.local.frontendRequests.count()).toBe(before);
    expect(env.local.requests.count({ route: '/v1/organizations/{organization_id}' })).toBeGreaterThan(0);
    // Without a secret key and without clerk-js's markers, /v1/users stays the Backend API's 401.
    expect((await fetch(`${env.local.url}/v1/users`)).status).toBe(401);
  });

  it('answers browser calls with CORS for the page origin, credentials included', async () => {
    const res = await fetch(new FakeBrowser(env.local).url('/client'), { headers: { origin: 'http://127.0.0.1:3210' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3210');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('serves clerk-js, @clerk/ui and their chunks from node_modules, nothing outside dist', async () => {
    const js = await fetch(`${env.local.url}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
    const ui = await fetch(`${env.local.url}/npm/@clerk/ui@1.34.0/dist/ui.browser.js`);
    expect(ui.status).toBe(200);
    expect((await fetch(`${env.local.url}/npm/@clerk/clerk-js@6/dist/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${env.local.url}/npm/left-pad@1/dist/index.js`)).status).toBe(404);
  });
});

describe('clerk-local Frontend API with email verification at sign-up', () => {
  const verifying = useEmulator({ frontendApi: { verifyEmailAtSignUp: true } });

  it('completes the sign-up only after the email code 424242', async () => {
    const browser = new FakeBrowser(verifying.local);
    await browser.createDevBrowser();
    const created = await browser.call<Wrapped<{ id: string; status: string; unverified_fields: string[] }>>('POST', '/client/sign_ups', {
      email_address: email('verify'),
      password: PASSWORD,
    });
    expect(created.body.response).toMatchObject({ status: 'missing_requirements', unverified_fields: ['email_address'] });
    const id = created.body.response.id;
    await browser.call('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const wrong = await browser.call<ErrorBody>('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '123456' });
    expect(wrong.body.errors[0]?.code).toBe('form_code_incorrect');
    expect(await verifying.clerk.users.getCount()).toBe(0);
    const done = await browser.call<Wrapped<{ status: string; created_session_id: string }>>('POST', `/client/sign_ups/${id}/attempt_verification`, {
      strategy: 'email_code',
      code: '424242',
    });
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client?.last_active_session_id).toBe(done.body.response.created_session_id);
  });
});
