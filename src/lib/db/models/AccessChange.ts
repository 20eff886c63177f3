import mongoose, { type InferSchemaType, type Model, type Types } from 'mongoose';

const { Schema, model, models } = mongoose;

// Revocations shared by every app instance (DESIGN.md §3 Access, §7): when a
// membership or a user changed, as Clerk's webhooks report it. A session
// claim or a cached look-up older than `changedAt` is no longer trusted;
// a session issued before `signedOutAt` (user deleted or banned) is refused.
// Facts about Clerk objects, not copies of them: no role, no profile.
const accessChangeSchema = new Schema(
  {
    userId: { type: String, required: true },
    // The org whose membership changed; null for a change of the user itself.
    clerkOrgId: { type: String, default: null },
    changedAt: { type: Date, required: true },
    signedOutAt: { type: Date, default: null },
  },
  { collection: 'access_changes', versionKey: false },
);

// One record per (user, org) and one per user; every decision reads a user's
// records with one look-up on this index's prefix.
accessChangeSchema.index({ userId: 1, clerkOrgId: 1 }, { unique: true });
// Session tokens live 60 s and cached look-ups 30 s: a day-old change can no
// longer predate anything still trusted.
const ACCESS_CHANGE_RETENTION_SECONDS = 24 * 60 * 60;
accessChangeSchema.index({ changedAt: 1 }, { expireAfterSeconds: ACCESS_CHANGE_RETENTION_SECONDS });

type AccessChangeFields = InferSchemaType<typeof accessChangeSchema>;
export type AccessChangeRecord = AccessChangeFields & { _id: Types.ObjectId };
type AccessChangeModel = Model<AccessChangeFields>;

export const AccessChange: AccessChangeModel =
  (models.AccessChange as AccessChangeModel | undefined) ?? model<AccessChangeFields>('AccessChange', accessChangeSchema);
