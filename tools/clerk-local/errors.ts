import { randomUUID } from 'node:crypto';

export type ClerkErrorItem = {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
};

/** Thrown by the store and routes; the server turns it into Clerk's error body. */
export class ClerkApiError extends Error {
  readonly status: number;
  readonly errors: ClerkErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: ClerkErrorItem[], headers: Record<string, string> = {}) {
    super(errors[0]?.long_message ?? `HTTP ${status}`);
    this.name = 'ClerkApiError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** `{ errors, clerk_trace_id }`: what the SDK's `parseErrors`/`getTraceId` read. */
export function errorBody(errors: ClerkErrorItem[]): { errors: ClerkErrorItem[]; clerk_trace_id: string } {
  return { errors, clerk_trace_id: randomUUID().replaceAll('-', '') };
}

function one(status: number, code: string, message: string, longMessage: string, meta?: Record<string, unknown>) {
  return new ClerkApiError(status, [{ code, message, long_message: longMessage, ...(meta ? { meta } : {}) }]);
}

export const errors = {
  keyInvalid: () =>
    one(
      401,
      'clerk_key_invalid',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    ),
  headerMissing: () =>
    one(
      401,
      'authorization_header_missing',
      'Authorization header missing',
      'You need to send an Authorization header with your Clerk Secret Key: Authorization: Bearer <secret key>.',
    ),
  notFound: () => one(404, 'resource_not_found', 'not found', 'Resource not found'),
  // Clerk's documented answer to POST /organizations with an unknown created_by.
  creatorNotFound: () =>
    one(400, 'organization_creator_not_found', 'creator not found', 'The user specified as the creator of the organization was not found.'),
  routeNotFound: (method: string, path: string) =>
    one(404, 'resource_not_found', 'not found', `The clerk-local emulator has no route for ${method} ${path}.`),
  paramMissing: (param: string) =>
    one(422, 'form_param_missing', 'missing data', `${param} must be included.`, { param_name: param }),
  paramInvalid: (param: string, longMessage: string) =>
    one(422, 'form_param_format_invalid', 'is invalid', longMessage, { param_name: param }),
  paramValueInvalid: (param: string, longMessage: string) =>
    one(422, 'form_param_value_invalid', 'is invalid', longMessage, { param_name: param }),
  identifierExists: (param: string, longMessage: string) =>
    one(422, 'form_identifier_exists', longMessage, longMessage, { param_name: param }),
  alreadyMember: () =>
    one(
      400,
      'already_a_member_in_organization',
      'already a member',
      'User is already a member of the organization.',
    ),
  membershipQuotaExceeded: () =>
    one(
      403,
      'organization_membership_quota_exceeded',
      'membership quota exceeded',
      'You have reached the maximum number of allowed memberships for this organization.',
    ),
  lastAdmin: () =>
    one(
      403,
      'organization_minimum_permissions_needed',
      'minimum permissions needed',
      'There has to be at least one organization member with the administer organization permission.',
    ),
  invitationNotPending: () =>
    one(400, 'organization_invitation_not_pending', 'not pending', 'This invitation is no longer pending.'),
  invitationDuplicate: () =>
    one(
      400,
      'duplicate_record',
      'duplicate invitation',
      'There is already a pending invitation for this email address in this organization.',
    ),
  bodyInvalid: (longMessage: string) => one(400, 'request_body_invalid', 'invalid request body', longMessage),
  payloadTooLarge: () => one(413, 'request_body_too_large', 'too large', 'The uploaded file is too large.'),
  tooManyRequests: (retryAfterSeconds: number) => {
    const e = one(429, 'too_many_requests', 'Too Many Requests', 'Too many requests, please try again later.');
    e.headers['Retry-After'] = String(retryAfterSeconds);
    return e;
  },
  injectedServerError: (status: number) =>
    one(status, 'internal_clerk_error', 'Oops, an unexpected error occurred', 'Injected by clerk-local fault injection.'),
};
