import { jsonBody, optInt, optObject, optString, reqString } from '../body';
import { listParam, pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { invitationJson } from '../serialize';
import type { ClerkStore } from '../store';
import { changeContext } from './context';

export function invitationRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;
  const base = '/organizations/{organization_id}/invitations';

  r.post(base, (ctx) => {
    const b = jsonBody(ctx);
    const i = store.createInvitation(
      ctx.params.organization_id ?? '',
      {
        email_address: reqString(b, 'email_address'),
        role: reqString(b, 'role'),
        inviter_user_id: optString(b, 'inviter_user_id'),
        public_metadata: optObject(b, 'public_metadata'),
        private_metadata: optObject(b, 'private_metadata'),
        redirect_url: optString(b, 'redirect_url'),
        expires_in_days: optInt(b, 'expires_in_days'),
      },
      changeContext(ctx),
    );
    return { body: invitationJson(view, i) };
  });

  r.get(base, (ctx) => {
    const { items, total } = store.listInvitations(
      ctx.params.organization_id ?? '',
      {
        status: listParam(ctx.query, 'status'),
        email_address: listParam(ctx.query, 'email_address'),
        order_by: strParam(ctx.query, 'order_by'),
      },
      pageFrom(ctx.query),
    );
    return { body: { data: items.map((i) => invitationJson(view, i)), total_count: total } };
  });

  r.get(`${base}/{invitation_id}`, (ctx) => ({
    body: invitationJson(view, store.getInvitation(ctx.params.organization_id ?? '', ctx.params.invitation_id ?? '')),
  }));

  r.post(`${base}/{invitation_id}/revoke`, (ctx) => ({
    body: invitationJson(
      view,
      store.revokeInvitation(ctx.params.organization_id ?? '', ctx.params.invitation_id ?? '', changeContext(ctx)),
    ),
  }));
}
