export { startClerkLocal, type ClerkLocal, type ClerkLocalOptions } from './server';
export type { FaultClock, FaultConfig } from './faults';
export type { DeliveryAttempt, DeliveryOptions, EventPayload, WebhookMessage } from './webhooks';
export type { MintedSession, MintSessionOptions, SessionClaims } from './sessions';
export type { RequestLogEntry, RequestFilter } from './requests';
export { SVIX_SCHEDULE_MS } from './webhooks';
export { CLERK_NEW_APP_SETTINGS, EMULATOR_SETTINGS, type InstanceSettings } from './settings';
