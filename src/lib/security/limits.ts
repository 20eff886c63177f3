/**
 * The largest request body the app accepts (a platform admin's CSV of up to
 * 20 MB through a server action, plus form overhead). Larger bodies are
 * answered 413 by the middleware before anything reads them; next.config
 * lets the middleware pass this much through to the action.
 */
export const MAX_REQUEST_BODY_BYTES = 21 * 1024 * 1024;
export const MAX_REQUEST_BODY = '21mb';

/** An org logo: Clerk accepts up to 10 MB. */
export const MAX_LOGO_BYTES = 10 * 1024 * 1024;
