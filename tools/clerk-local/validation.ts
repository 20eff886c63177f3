// Clerk's input rules the Backend API enforces where Tenantry can meet them,
// each answered with the status and code Clerk documents (clerk-docs
// docs/guides/development/errors/backend-api.mdx):
// - organization name: 1–256 characters (422 form_param_max_length_exceeded),
//   no URLs or HTML (422 form_param_value_invalid, "OrganizationNameInvalid");
// - metadata: at most 8 KB per field, serialised (422 form_param_exceeds_allowed_size);
// - a user needs at least one identifier (422 form_param_missing, "FormAtLeastOneOptionalParameterMissing");
// - phone numbers in E.164 (422 form_param_format_invalid, "FormInvalidPhoneNumber").
import { ClerkApiError } from './errors';
import type { Metadata } from './rules';

export const ORG_NAME_MAX_LENGTH = 256;
export const METADATA_MAX_BYTES = 8 * 1024;

// What Clerk refuses in an organization name: a URL (a scheme, or `www.`) or HTML (any angle bracket).
const URL_IN_NAME = /[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;
const HTML_IN_NAME = /[<>]/;
const E164 = /^\+[1-9]\d{6,14}$/;

function invalid(status: number, code: string, message: string, longMessage: string, param: string): ClerkApiError {
  return new ClerkApiError(status, [{ code, message, long_message: longMessage, meta: { param_name: param } }]);
}

/** The name as Clerk stores it (trimmed), or Clerk's error. */
export function checkOrgName(raw: string): string {
  const name = raw.trim();
  if (!name) throw invalid(422, 'form_param_missing', 'is missing', 'name must be included.', 'name');
  if ([...name].length > ORG_NAME_MAX_LENGTH) {
    throw invalid(422, 'form_param_max_length_exceeded', 'exceeds maximum length', `name should not exceed ${ORG_NAME_MAX_LENGTH} characters.`, 'name');
  }
  if (URL_IN_NAME.test(name) || HTML_IN_NAME.test(name)) {
    throw invalid(422, 'form_param_value_invalid', 'invalid organization name', `The organization name "${name}" is invalid: it must not contain URLs or HTML.`, 'name');
  }
  return name;
}

/** Each given metadata field must serialise to at most 8 KB. */
export function checkMetadataSize(fields: Record<string, Metadata | null | undefined>): void {
  for (const [param, value] of Object.entries(fields)) {
    if (value && Buffer.byteLength(JSON.stringify(value)) > METADATA_MAX_BYTES) {
      throw invalid(422, 'form_param_exceeds_allowed_size', 'exceeds allowed size', `${param} exceeds the maximum allowed size of 8KB.`, param);
    }
  }
}

export function checkPhoneNumber(phone: string): string {
  const p = phone.trim();
  if (!E164.test(p)) {
    throw invalid(422, 'form_param_format_invalid', 'is invalid', 'phone_number must be a valid phone number according to E.164 international standard.', 'phone_number');
  }
  return p;
}

/** createUser: email, phone, username or external account — Tenantry's instance takes the first three. */
export function checkHasIdentifier(input: { emails: string[]; phones: string[]; username?: string | null }): void {
  if (input.emails.length === 0 && input.phones.length === 0 && !input.username) {
    throw new ClerkApiError(422, [
      {
        code: 'form_param_missing',
        message: 'at least one parameter must be provided',
        long_message: 'at least one of `email_address`, `phone_number`, `username` must be provided',
        meta: { param_names: ['email_address', 'phone_number', 'username'] },
      },
    ]);
  }
}
