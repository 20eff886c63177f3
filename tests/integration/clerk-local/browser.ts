// A stand-in for clerk-js in tests: calls clerk-local's Frontend API the way
// clerk-js 6.40 does (form bodies, `__clerk_api_version`/`_clerk_js_version`
// query markers, `_method` overrides, the dev browser token in the query).
import type { ClerkLocal } from '../../../tools/clerk-local';

export const APP = 'http://localhost:3000';

export type FapiResponse<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

export class FakeBrowser {
  constructor(
    private readonly local: ClerkLocal,
    public devBrowser?: string,
  ) {}

  url(path: string, query: Record<string, string> = {}): string {
    const u = new URL(`${this.local.url}/v1${path}`);
    u.searchParams.set('__clerk_api_version', '2026-08-20');
    u.searchParams.set('_clerk_js_version', '6.40.0');
    if (this.devBrowser) u.searchParams.set('__clerk_db_jwt', this.devBrowser);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.href;
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: Record<string, string>,
    query: Record<string, string> = {},
  ): Promise<FapiResponse<T>> {
    const override: Record<string, string> = method === 'PATCH' || method === 'DELETE' ? { _method: method } : {};
    const res = await fetch(this.url(path, { ...query, ...override }), {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: { origin: APP, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  /** POST /v1/dev_browser, as clerk-js does when it has no dev browser. */
  async createDevBrowser(): Promise<string> {
    const res = await fetch(`${this.local.url}/v1/dev_browser`, { method: 'POST', headers: { origin: APP } });
    this.devBrowser = ((await res.json()) as { id: string }).id;
    return this.devBrowser;
  }
}
