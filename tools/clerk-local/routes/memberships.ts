import { jsonBody, optObject, reqString } from '../body';
import { listParam, pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { membershipJson } from '../serialize';
import type { ClerkStore } from '../store';
import { changeContext } from './context';

export function membershipRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;
  const base = '/organizations/{organization_id}/memberships';

  r.get(base, (ctx) => {
    const { items, total } = store.listOrganizationMemberships(
      ctx.params.organization_id ?? '',
      {
        user_id: listParam(ctx.query, 'user_id'),
        role: listParam(ctx.query, 'role'),
        email_address: listParam(ctx.query, 'email_address'),
        query: strParam(ctx.query, 'query'),
        order_by: strParam(ctx.query, 'order_by'),
      },
      pageFrom(ctx.query),
    );
    return { body: { data: items.map((m) => membershipJson(view, m)), total_count: total } };
  });

  r.post(base, (ctx) => {
    const b = jsonBody(ctx);
    const m = store.createMembership(
      ctx.params.organization_id ?? '',
      {
        user_id: reqString(b, 'user_id'),
        role: reqString(b, 'role'),
        public_metadata: optObject(b, 'public_metadata'),
        private_metadata: optObject(b, 'private_metadata'),
      },
      changeContext(ctx),
    );
    return { body: membershipJson(view, m) };
  });

  r.patch(`${base}/{user_id}`, (ctx) => {
    const b = jsonBody(ctx);
    const m = store.updateMembershipRole(ctx.params.organization_id ?? '', ctx.params.user_id ?? '', reqString(b, 'role'), changeContext(ctx));
    return { body: membershipJson(view, m) };
  });

  r.patch(`${base}/{user_id}/metadata`, (ctx) => {
    const b = jsonBody(ctx);
    const m = store.mergeMembershipMetadata(
      ctx.params.organization_id ?? '',
      ctx.params.user_id ?? '',
      { public_metadata: optObject(b, 'public_metadata'), private_metadata: optObject(b, 'private_metadata') },
      changeContext(ctx),
    );
    return { body: membershipJson(view, m) };
  });

  r.delete(`${base}/{user_id}`, (ctx) => ({
    body: membershipJson(view, store.deleteMembership(ctx.params.organization_id ?? '', ctx.params.user_id ?? '', changeContext(ctx))),
  }));
}
