import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { ClerkRejectedError, ClerkUnavailableError } from './errors';

/**
 * Maps whatever the SDK threw to one of our two error kinds. The SDK reports
 * network failures as a ClerkAPIResponseError without a status.
 */
export function classifyClerkError(error: unknown, what: string): ClerkUnavailableError | ClerkRejectedError {
  if (error instanceof ClerkUnavailableError || error instanceof ClerkRejectedError) return error;
  if (isClerkAPIResponseError(error)) {
    const status = error.status;
    const code = error.errors[0]?.code;
    const detail = error.errors[0]?.longMessage ?? error.errors[0]?.message ?? error.message;
    if (status === undefined || status === 429 || status >= 500) {
      return new ClerkUnavailableError(`${what}: Clerk unavailable (${status ?? code ?? 'network'}): ${detail}`, error.retryAfter, {
        cause: error,
      });
    }
    return new ClerkRejectedError(`${what}: Clerk rejected the request (${status} ${code ?? ''}): ${detail}`, status, code, {
      cause: error,
    });
  }
  return new ClerkUnavailableError(`${what}: ${error instanceof Error ? error.message : String(error)}`, undefined, {
    cause: error,
  });
}
