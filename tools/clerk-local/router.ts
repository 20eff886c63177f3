import type { IncomingHttpHeaders } from 'node:http';

/** What a handler sees of one request. The body is read once by the server. */
export type RequestContext = {
  method: string;
  /** Path without the query string, e.g. `/v1/users/user_123`. */
  path: string;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  clientIp: string;
  userAgent: string;
  /** The route template that matched, in the spec's form (`/v1/users/{user_id}`). */
  route: string;
};

export type RouteResult = {
  status?: number;
  /** JSON-serialised unless `raw` is given. */
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  /** Arrays for repeated headers (Set-Cookie). */
  headers?: Record<string, string | string[]>;
};

export type Handler = (ctx: RequestContext) => RouteResult | Promise<RouteResult>;

type CompiledRoute = { method: string; template: string; regex: RegExp; names: string[]; handler: Handler };

/**
 * A method + path-template table. Templates use the OpenAPI `{param}` form so
 * the request log names operations exactly as the spec does (contract tests
 * match on it). Groups (`/v1` Backend API, `/__local`, later a Frontend API)
 * are separate Router instances mounted by the server.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(private readonly prefix = '') {}

  add(method: string, template: string, handler: Handler): this {
    const full = this.prefix + template;
    const names: string[] = [];
    const source = full
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m?.[1]) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(m[1]);
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), template: full, regex: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  get(t: string, h: Handler) { return this.add('GET', t, h); }
  post(t: string, h: Handler) { return this.add('POST', t, h); }
  patch(t: string, h: Handler) { return this.add('PATCH', t, h); }
  put(t: string, h: Handler) { return this.add('PUT', t, h); }
  delete(t: string, h: Handler) { return this.add('DELETE', t, h); }

  /** Literal segments win over `{param}` ones (`/users/count` before `/users/{user_id}`). */
  match(method: string, path: string): { handler: Handler; template: string; params: Record<string, string> } | null {
    let best: { handler: Handler; template: string; params: Record<string, string>; score: number } | null = null;
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      const score = -r.names.length;
      if (!best || score > best.score) best = { handler: r.handler, template: r.template, params, score };
    }
    return best && { handler: best.handler, template: best.template, params: best.params };
  }

  /** Every route as method + template (contract tests check each against the spec). */
  list(): { method: string; template: string }[] {
    return this.routes.map((r) => ({ method: r.method, template: r.template }));
  }

  /** True when the path belongs to this group. */
  handles(path: string): boolean {
    return path === this.prefix || path.startsWith(this.prefix + '/');
  }
}
