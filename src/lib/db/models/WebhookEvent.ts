import mongoose, { type InferSchemaType, type Model, type Types } from 'mongoose';

// Default import: Node's ESM loader (tsx, the reconcile CLI) sees no named exports of CommonJS mongoose.
const { Schema, model, models } = mongoose;

export const WEBHOOK_EVENT_STATUS = {
  processing: 'processing',
  processed: 'processed',
  failed: 'failed',
  ignored: 'ignored',
} as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUS)[keyof typeof WEBHOOK_EVENT_STATUS];

// The webhook event log (DESIGN.md §3): each Svix message is recorded once,
// so a duplicate delivery is recognised with one indexed look-up.
const webhookEventSchema = new Schema(
  {
    svixId: { type: String, required: true },
    type: { type: String, required: true },
    // The Clerk object the event is about (org or user id), for the admin log.
    objectId: { type: String, default: null },
    status: {
      type: String,
      enum: Object.values(WEBHOOK_EVENT_STATUS),
      required: true,
      default: WEBHOOK_EVENT_STATUS.processing,
    },
    attempts: { type: Number, required: true, default: 0, min: 0 },
    lastError: { type: String, default: null },
    // While set and in the future, one delivery is working on the event;
    // a crashed or transiently failed attempt lets it lapse for the retry.
    leaseUntil: { type: Date, default: null },
    // The fields of the verified event its handler reads (never user profile
    // data), kept so a platform admin can replay a failed one.
    payload: { type: Schema.Types.Mixed, default: null },
    // When the TTL index removes the event (DESIGN.md §7 retention): set on
    // settling (processed/ignored: 30 days by default) and failing (90 days);
    // a replay starts the clock again.
    expiresAt: { type: Date, default: null },
  },
  { collection: 'webhook_events', timestamps: true },
);

webhookEventSchema.index({ svixId: 1 }, { unique: true });
// The admin view lists newest first and filters failed events for replay.
webhookEventSchema.index({ status: 1, createdAt: -1 });
// Retention: MongoDB's TTL monitor deletes an event once its expiresAt has
// passed (the date carries the period, so changing it needs no index change).
webhookEventSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0, partialFilterExpression: { expiresAt: { $type: 'date' } } });

type WebhookEventFields = InferSchemaType<typeof webhookEventSchema>;
export type WebhookEventRecord = WebhookEventFields & { _id: Types.ObjectId };
type WebhookEventModel = Model<WebhookEventFields>;

export const WebhookEvent: WebhookEventModel =
  (models.WebhookEvent as WebhookEventModel | undefined) ??
  model<WebhookEventFields>('WebhookEvent', webhookEventSchema);
