// lib/webhooks: verify, record once, dispatch (DESIGN.md §1).
export { receiveWebhook, replayEvent } from './service';
