// Clerk's form errors, as @clerk/ui shows them next to the field named in meta.param_name.
import { ClerkApiError } from '../errors';

function formError(code: string, param: string, message: string, longMessage = message): ClerkApiError {
  return new ClerkApiError(422, [{ code, message, long_message: longMessage, meta: { param_name: param } }]);
}

export const formErrors = {
  missing: (param: string) => formError('form_param_missing', param, 'is missing', `${param} must be included.`),
  emailInvalid: () => formError('form_param_format_invalid', 'email_address', 'Email address must be a valid email address.'),
  emailTaken: () => formError('form_identifier_exists', 'email_address', 'That email address is taken. Please try another.'),
  passwordTooShort: (min: number) =>
    formError('form_password_length_too_short', 'password', `Passwords must be ${min} characters or more.`),
  identifierNotFound: () => formError('form_identifier_not_found', 'identifier', "Couldn't find your account."),
  passwordIncorrect: () =>
    formError('form_password_incorrect', 'password', 'Password is incorrect. Try again, or use another method.'),
  codeIncorrect: () => formError('form_code_incorrect', 'code', 'Incorrect code'),
  strategyUnsupported: (strategy: string) =>
    formError('strategy_for_user_invalid', 'strategy', `The verification strategy ${strategy} is not supported here.`),
  notFound: () => new ClerkApiError(404, [{ code: 'resource_not_found', message: 'not found', long_message: 'Resource not found' }]),
};
