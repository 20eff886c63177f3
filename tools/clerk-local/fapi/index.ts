// The Frontend API (what clerk-js and @clerk/ui call from the browser), mounted
// beside the Backend API under the same `/v1` prefix. The two are told apart
// by who calls: Backend API requests carry `Authorization: Bearer sk_...`;
// browsers never send an Authorization header to a development instance and
// mark their calls with clerk-js's query parameters.
import { ClerkApiError, errorBody } from '../errors';
import { RequestLog } from '../requests';
import { type RequestContext, type RouteResult, Router } from '../router';
import { clientRoutes } from './clientRoutes';
import { Fapi, type FapiDeps } from './context';
import { environmentRoutes } from './environmentRoutes';
import { handshakeRoutes } from './handshake';
import { meRoutes } from './meRoutes';
import { signInRoutes } from './signIns';
import { signUpRoutes } from './signUps';

export { isBundlePath, serveBundle } from './bundles';
export type { FapiOptions } from './context';

const BROWSER_MARKERS = ['_clerk_js_version', '__clerk_api_version', '__clerk_db_jwt', '_method', '_clerk_session_id'];
const METHOD_OVERRIDES = new Set(['PATCH', 'PUT', 'DELETE']);

export type FrontendApi = {
  /** True when a `/v1` request is for the Frontend API rather than the Backend API. */
  claims: (ctx: RequestContext, backendApi: Router) => boolean;
  handle: (ctx: RequestContext) => Promise<RouteResult>;
  requests: RequestLog;
  routes: () => { method: string; template: string }[];
};

function unexpected(err: unknown, what: string, log: (line: string) => void): ClerkApiError {
  log(`clerk-local: Frontend API ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new ClerkApiError(500, [
    { code: 'internal_clerk_error', message: 'Oops, an unexpected error occurred', long_message: 'clerk-local failed to handle this request.' },
  ]);
}

function effectiveMethod(ctx: RequestContext): string {
  const override = ctx.query.get('_method')?.toUpperCase();
  return ctx.method === 'POST' && override && METHOD_OVERRIDES.has(override) ? override : ctx.method;
}

function cors(ctx: RequestContext, result: RouteResult): RouteResult {
  const origin = ctx.headers.origin;
  if (typeof origin !== 'string') return result;
  // clerk-js sends credentials (the dev browser cookie), so the origin is echoed rather than `*`.
  return {
    ...result,
    headers: { ...result.headers, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' },
  };
}

/** The answer to a CORS preflight. */
function preflight(ctx: RequestContext): RouteResult {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': String(ctx.headers['access-control-request-headers'] ?? 'content-type'),
      'access-control-max-age': '600',
    },
  };
}

/** The route's answer, or Clerk's error shape for a missing route or a failure. */
async function route(router: Router, method: string, ctx: RequestContext, log: (line: string) => void): Promise<RouteResult> {
  const match = router.match(method, ctx.path);
  try {
    if (!match) {
      log(`clerk-local: the Frontend API has no route for ${method} ${ctx.path} (404)`);
      throw new ClerkApiError(404, [
        { code: 'resource_not_found', message: 'not found', long_message: `The clerk-local Frontend API has no route for ${method} ${ctx.path}.` },
      ]);
    }
    ctx.params = match.params;
    ctx.route = match.template;
    return await match.handler(ctx);
  } catch (err) {
    const e = err instanceof ClerkApiError ? err : unexpected(err, `${method} ${ctx.path}`, log);
    return { status: e.status, body: errorBody(e.errors), headers: e.headers };
  }
}

export function frontendApi(deps: FapiDeps & { log: (line: string) => void }): FrontendApi {
  const f = new Fapi(deps);
  const router = new Router('/v1');
  handshakeRoutes(router, f);
  environmentRoutes(router, f);
  clientRoutes(router, f);
  signUpRoutes(router, f);
  signInRoutes(router, f);
  meRoutes(router, f);
  const requests = new RequestLog();

  return {
    requests,
    routes: () => router.list(),
    claims(ctx, backendApi) {
      if (ctx.headers.authorization) return false;
      if (ctx.method === 'OPTIONS') return true;
      if (BROWSER_MARKERS.some((m) => ctx.query.has(m))) return true;
      return router.match(effectiveMethod(ctx), ctx.path) !== null && backendApi.match(ctx.method, ctx.path) === null;
    },
    async handle(ctx) {
      const started = Date.now();
      const method = effectiveMethod(ctx);
      const result = ctx.method === 'OPTIONS' ? preflight(ctx) : await route(router, method, ctx, deps.log);
      requests.add({
        time: started,
        method,
        path: ctx.path,
        route: ctx.route || null,
        query: ctx.url.search,
        status: result.status ?? 200,
        durationMs: Date.now() - started,
        fault: null,
      });
      return cors(ctx, result);
    },
  };
}
