import type { RequestContext } from '../router';
import type { ChangeContext } from '../store';

/** Who made a request; becomes the webhook's `event_attributes.http_request`. */
export function changeContext(ctx: RequestContext): ChangeContext {
  return { clientIp: ctx.clientIp, userAgent: ctx.userAgent };
}
