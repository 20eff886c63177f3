import { jsonBody, optObject, optString, stringList } from '../body';
import { pageFrom, listParam, strParam } from '../query';
import type { Router } from '../router';
import { deletedJson, membershipJson, userJson } from '../serialize';
import type { ClerkStore, UserFilter } from '../store';
import { changeContext } from './context';

function userFilter(q: URLSearchParams): UserFilter {
  return {
    email_address: listParam(q, 'email_address'),
    user_id: listParam(q, 'user_id'),
    external_id: listParam(q, 'external_id'),
    username: listParam(q, 'username'),
    organization_id: listParam(q, 'organization_id'),
    query: strParam(q, 'query'),
    order_by: strParam(q, 'order_by'),
  };
}

function metadataPatch(body: Record<string, unknown>) {
  return {
    public_metadata: optObject(body, 'public_metadata'),
    private_metadata: optObject(body, 'private_metadata'),
    unsafe_metadata: optObject(body, 'unsafe_metadata'),
  };
}

export function userRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;

  // The SDK's getUserList expects a bare array here and asks /users/count for the total.
  r.get('/users', (ctx) => ({ body: store.listUsers(userFilter(ctx.query), pageFrom(ctx.query)).items.map((u) => userJson(view, u)) }));

  r.get('/users/count', (ctx) => ({ body: { object: 'total_count', total_count: store.countUsers(userFilter(ctx.query)) } }));

  r.post('/users', (ctx) => {
    const b = jsonBody(ctx);
    const u = store.createUser(
      {
        email_address: stringList(b, 'email_address'),
        phone_number: stringList(b, 'phone_number'),
        ...profileFields(b),
      },
      changeContext(ctx),
    );
    return { body: userJson(view, u) };
  });

  r.get('/users/{user_id}', (ctx) => ({ body: userJson(view, store.getUser(ctx.params.user_id ?? '')) }));

  r.patch('/users/{user_id}', (ctx) => {
    const b = jsonBody(ctx);
    const u = store.updateUser(
      ctx.params.user_id ?? '',
      {
        ...profileFields(b),
        primary_email_address_id: optString(b, 'primary_email_address_id'),
      },
      changeContext(ctx),
    );
    return { body: userJson(view, u) };
  });

  r.delete('/users/{user_id}', (ctx) => {
    const u = store.deleteUser(ctx.params.user_id ?? '', changeContext(ctx));
    return { body: deletedJson('user', u.id, u.external_id ? { external_id: u.external_id } : {}) };
  });

  r.patch('/users/{user_id}/metadata', (ctx) => ({
    body: userJson(view, store.mergeUserMetadata(ctx.params.user_id ?? '', metadataPatch(jsonBody(ctx)), changeContext(ctx))),
  }));

  r.put('/users/{user_id}/metadata', (ctx) => ({
    body: userJson(view, store.replaceUserMetadata(ctx.params.user_id ?? '', metadataPatch(jsonBody(ctx)), changeContext(ctx))),
  }));

  r.get('/users/{user_id}/organization_memberships', (ctx) => {
    const { items, total } = store.listUserMemberships(ctx.params.user_id ?? '', pageFrom(ctx.query));
    return { body: { data: items.map((m) => membershipJson(view, m)), total_count: total } };
  });
}

/** The user fields that create and update both take. */
function profileFields(b: Record<string, unknown>) {
  return {
    first_name: optString(b, 'first_name'),
    last_name: optString(b, 'last_name'),
    username: optString(b, 'username'),
    external_id: optString(b, 'external_id'),
    locale: optString(b, 'locale'),
    password: optString(b, 'password'),
    ...metadataPatch(b),
  };
}
