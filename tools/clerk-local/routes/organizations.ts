import { formBody, jsonBody, optInt, optObject, optString, reqString } from '../body';
import { errors } from '../errors';
import { boolParam, listParam, pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { deletedJson, orgJson } from '../serialize';
import type { ClerkStore } from '../store';
import { changeContext } from './context';

/** Clerk's logo limit. */
const MAX_LOGO_BYTES = 10 * 1024 * 1024;

export function organizationRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;

  r.get('/organizations', (ctx) => {
    const { items, total } = store.listOrganizations(
      {
        query: strParam(ctx.query, 'query'),
        user_id: listParam(ctx.query, 'user_id'),
        organization_id: listParam(ctx.query, 'organization_id'),
        order_by: strParam(ctx.query, 'order_by'),
      },
      pageFrom(ctx.query),
    );
    const includeMembersCount = boolParam(ctx.query, 'include_members_count');
    return { body: { data: items.map((o) => orgJson(view, o, { includeMembersCount })), total_count: total } };
  });

  r.post('/organizations', (ctx) => {
    const b = jsonBody(ctx);
    const o = store.createOrganization(
      {
        name: reqString(b, 'name'),
        slug: optString(b, 'slug'),
        created_by: optString(b, 'created_by'),
        public_metadata: optObject(b, 'public_metadata'),
        private_metadata: optObject(b, 'private_metadata'),
        max_allowed_memberships: optInt(b, 'max_allowed_memberships'),
      },
      changeContext(ctx),
    );
    return { body: orgJson(view, o) };
  });

  r.get('/organizations/{organization_id}', (ctx) => ({
    body: orgJson(view, store.getOrganization(ctx.params.organization_id ?? ''), {
      includeMembersCount: boolParam(ctx.query, 'include_members_count'),
    }),
  }));

  organizationChangeRoutes(r, store);
}

/** Changes to one organization: update, delete, its metadata (merge or replace) and logo. */
function organizationChangeRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;

  r.patch('/organizations/{organization_id}', (ctx) => {
    const b = jsonBody(ctx);
    const adminDelete = b.admin_delete_enabled;
    const o = store.updateOrganization(
      ctx.params.organization_id ?? '',
      {
        name: optString(b, 'name'),
        slug: optString(b, 'slug'),
        max_allowed_memberships: optInt(b, 'max_allowed_memberships'),
        admin_delete_enabled: typeof adminDelete === 'boolean' ? adminDelete : undefined,
        // Not in the 2026-05-12 body any more (the SDK uses /metadata), still accepted as older versions did.
        public_metadata: optObject(b, 'public_metadata'),
        private_metadata: optObject(b, 'private_metadata'),
      },
      changeContext(ctx),
    );
    return { body: orgJson(view, o) };
  });

  r.delete('/organizations/{organization_id}', (ctx) => {
    const o = store.deleteOrganization(ctx.params.organization_id ?? '', changeContext(ctx));
    return { body: deletedJson('organization', o.id, { slug: o.slug }) };
  });

  r.patch('/organizations/{organization_id}/metadata', (ctx) => {
    const b = jsonBody(ctx);
    const patch = { public_metadata: optObject(b, 'public_metadata'), private_metadata: optObject(b, 'private_metadata') };
    return { body: orgJson(view, store.mergeOrganizationMetadata(ctx.params.organization_id ?? '', patch, changeContext(ctx))) };
  });

  r.put('/organizations/{organization_id}/metadata', (ctx) => {
    const b = jsonBody(ctx);
    const patch = { public_metadata: optObject(b, 'public_metadata'), private_metadata: optObject(b, 'private_metadata') };
    return { body: orgJson(view, store.replaceOrganizationMetadata(ctx.params.organization_id ?? '', patch, changeContext(ctx))) };
  });

  r.put('/organizations/{organization_id}/logo', async (ctx) => {
    store.getOrganization(ctx.params.organization_id ?? '');
    const form = await formBody(ctx);
    const file = form.get('file');
    if (!file || typeof file === 'string') throw errors.paramMissing('file');
    if (file.size > MAX_LOGO_BYTES) throw errors.payloadTooLarge();
    const data = Buffer.from(await file.arrayBuffer());
    const o = store.setOrganizationLogo(
      ctx.params.organization_id ?? '',
      { contentType: file.type || 'application/octet-stream', data },
      changeContext(ctx),
    );
    return { body: orgJson(view, o) };
  });

  r.delete('/organizations/{organization_id}/logo', (ctx) => ({
    body: orgJson(view, store.deleteOrganizationLogo(ctx.params.organization_id ?? '', changeContext(ctx))),
  }));
}
