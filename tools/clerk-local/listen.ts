// The HTTP side of clerk-local: one handler that routes a request to the
// bundles, the Frontend API, the Backend API (behind faults, the rate limit and
// the secret key) or /__local, and logs Backend API requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ClerkApiError, errors } from './errors';
import { type FrontendApi, isBundlePath, serveBundle } from './fapi';
import type { FaultClock, Faults } from './faults';
import { errorResult, readBody, send } from './http';
import type { InstanceRateLimit } from './rateLimit';
import type { RequestLog } from './requests';
import type { RequestContext, RouteResult, Router } from './router';

/** What the request handler needs from the instance. */
export type Handlers = {
  bapi: Router;
  fapi: FrontendApi;
  local: Router;
  /** What stands in front of the Backend API's routes, in this order. */
  guard: { faults: Faults; faultClock: FaultClock; rateLimit: InstanceRateLimit; requireSecretKey: (ctx: RequestContext) => void };
  requests: RequestLog;
  log: (line: string) => void;
  baseUrl: () => string;
  recordResponses: boolean;
};

type Fault = 'rate-limit' | '429' | '5xx' | null;

export async function listen(h: Handlers, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    handle(h, req, res).catch((err: unknown) => {
      h.log(`clerk-local: response failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

async function handleBackendApi(h: Handlers, ctx: RequestContext): Promise<RouteResult & { fault: Fault }> {
  // Matched first so that the request log names the operation even for faulted requests.
  const match = h.bapi.match(ctx.method, ctx.path);
  if (match) {
    ctx.params = match.params;
    ctx.route = match.template;
  }
  const decision = h.guard.faults.decide(ctx.method, ctx.path, h.guard.faultClock.now());
  if (decision.latencyMs > 0) await h.guard.faultClock.sleep(decision.latencyMs);
  if (decision.error) return { ...errorResult(decision.error), fault: decision.kind };
  // The instance's own limit, after injected trouble (which stands in front of Clerk).
  const limited = h.guard.rateLimit.check();
  if (limited) return { ...errorResult(limited), fault: 'rate-limit' };
  h.guard.requireSecretKey(ctx);
  if (!match) throw errors.routeNotFound(ctx.method, ctx.path);
  return { ...(await match.handler(ctx)), fault: null };
}

function requestContext(req: IncomingMessage, url: URL, raw: Buffer | null): RequestContext {
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    url,
    query: url.searchParams,
    params: {},
    headers: req.headers,
    rawBody: raw ?? Buffer.alloc(0),
    clientIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    userAgent: req.headers['user-agent'] ?? '',
    route: '',
  };
}

async function handle(h: Handlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', h.baseUrl());
  const raw = await readBody(req);
  const ctx = requestContext(req, url, raw);
  const { method } = ctx;
  const isFapi = h.bapi.handles(ctx.path) && h.fapi.claims(ctx, h.bapi);
  const isBapi = h.bapi.handles(ctx.path) && !isFapi;
  let result: RouteResult;
  let fault: Fault = null;
  try {
    if (raw === null) throw errors.payloadTooLarge();
    if (isBundlePath(ctx.path)) {
      result = await serveBundle(method, ctx.path);
    } else if (isFapi) {
      result = await h.fapi.handle(ctx);
    } else if (isBapi) {
      ({ fault, ...result } = await handleBackendApi(h, ctx));
    } else {
      const match = h.local.match(method, ctx.path);
      if (!match) throw errors.routeNotFound(method, ctx.path);
      ctx.params = match.params;
      ctx.route = match.template;
      result = await match.handler(ctx);
    }
  } catch (err) {
    result = unexpectedErrorResult(h, ctx, err);
  }
  send(res, result);
  if (isBapi) {
    h.requests.add({
      time: started,
      method,
      path: ctx.path,
      route: ctx.route || null,
      query: url.search,
      status: result.status ?? 200,
      durationMs: Date.now() - started,
      fault,
      ...(h.recordResponses && !result.raw ? { response: result.body } : {}),
    });
  }
}

function unexpectedErrorResult(h: Handlers, ctx: RequestContext, err: unknown): RouteResult {
  if (err instanceof ClerkApiError) return errorResult(err);
  h.log(`clerk-local: ${ctx.method} ${ctx.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return errorResult(new ClerkApiError(500, [{ code: 'internal_clerk_error', message: 'Oops, an unexpected error occurred', long_message: 'clerk-local failed to handle this request.' }]));
}
