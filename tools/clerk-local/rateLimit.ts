// The instance's Backend API rate limit (Clerk: 100 requests per 10 s for a
// development instance, 1,000 for production; clerk-docs
// docs/guides/how-clerk-works/system-limits.mdx). A strict sliding window: a
// request is refused when `requests` were already accepted in the last
// `perSeconds`, with Retry-After saying when the oldest one leaves the window.
// Refused requests do not count. Kept apart from fault injection, so clearing
// faults never lifts the instance's limit.
import { ClerkApiError, errors } from './errors';
import type { RateLimitSetting } from './settings';

export class InstanceRateLimit {
  private accepted: number[] = [];
  private setting: RateLimitSetting | false = false;

  configure(setting: RateLimitSetting | false): void {
    const changed = JSON.stringify(setting) !== JSON.stringify(this.setting);
    this.setting = setting;
    if (changed) this.accepted = [];
  }

  /** null when the request may go ahead (and is counted), else the 429 to answer. */
  check(now = Date.now()): ClerkApiError | null {
    const s = this.setting;
    if (!s) return null;
    const windowMs = s.perSeconds * 1000;
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= now - windowMs) this.accepted.shift();
    if (this.accepted.length < s.requests) {
      this.accepted.push(now);
      return null;
    }
    const oldest = this.accepted[0] ?? now;
    return errors.tooManyRequests(Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
  }
}
