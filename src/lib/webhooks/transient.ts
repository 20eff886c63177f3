import { ClerkUnavailableError } from '@/lib/clerk';
import { isDbUnavailable } from '@/lib/db';

/** Failures Svix should retry: Clerk 429/5xx/timeouts, MongoDB unreachable. */
export function isTransient(error: unknown): boolean {
  return error instanceof ClerkUnavailableError || isDbUnavailable(error);
}
