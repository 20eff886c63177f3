/** Clerk could not be reached or asked us to come back later (429, 5xx, timeout): worth retrying. */
export class ClerkUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ClerkUnavailableError';
  }
}

/** Clerk refused the request (4xx other than 429): retrying the same call will not help. */
export class ClerkRejectedError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ClerkRejectedError';
  }
}
