// Log of Backend API requests so tests and benchmarks can count Clerk calls.

export type RequestLogEntry = {
  time: number;
  method: string;
  path: string;
  /** Matched route template in the spec's form (`/v1/users/{user_id}`); null when no route matched. */
  route: string | null;
  query: string;
  status: number;
  durationMs: number;
  fault: 'rate-limit' | '429' | '5xx' | null;
  /** Parsed JSON response, only with `recordResponses` on (contract tests). */
  response?: unknown;
};

export type RequestFilter = { method?: string; path?: string; route?: string; status?: number };

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly max = 10_000) {}

  add(e: RequestLogEntry): void {
    this.entries.push(e);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  /** Entries matching every given field; `path`/`route` may end with `*` for a prefix. */
  list(filter: RequestFilter = {}): RequestLogEntry[] {
    const eq = (pattern: string | undefined, value: string | null) =>
      pattern === undefined || (pattern.endsWith('*') ? (value ?? '').startsWith(pattern.slice(0, -1)) : pattern === value);
    return this.entries.filter(
      (e) =>
        (!filter.method || filter.method.toUpperCase() === e.method) &&
        eq(filter.path, e.path) &&
        eq(filter.route, e.route) &&
        (filter.status === undefined || filter.status === e.status),
    );
  }

  count(filter: RequestFilter = {}): number {
    return this.list(filter).length;
  }

  clear(): void {
    this.entries = [];
  }
}
