import mongoose, { type InferSchemaType, type Model, type Types } from 'mongoose';

// The leaf domain module: it imports nothing, so no load-order cycle.
import { isValidShortName } from '@/lib/domain';

const { Schema, model, models } = mongoose;

export const ORGANIZATION_STATUS = {
  provisioning: 'provisioning',
  active: 'active',
  archived: 'archived',
} as const;

// DESIGN.md §3. MongoDB owns the tenant; users, memberships and roles live in
// Clerk and are deliberately absent (ownerUserId is a Clerk id, not user data).
const organizationSchema = new Schema(
  {
    // Null while provisioning: the document is reserved before the Clerk org exists.
    clerkOrgId: { type: String, default: null },
    shortName: {
      type: String,
      required: true,
      validate: {
        validator: isValidShortName,
        message: (props: { value: unknown }) =>
          `'${String(props.value)}' is not a valid shortName (lowercase letters, digits and inner hyphens, at most 48, not a reserved route name)`,
      },
    },
    name: { type: String, required: true, trim: true },
    logoUrl: { type: String, default: null },
    isTestOrg: { type: Boolean, required: true, default: false },
    ownerUserId: { type: String, default: null },
    status: {
      type: String,
      enum: Object.values(ORGANIZATION_STATUS),
      required: true,
      default: ORGANIZATION_STATUS.provisioning,
    },
    // The newest Clerk `updated_at` applied; older organization.updated events are stale.
    clerkUpdatedAt: { type: Date, default: null },
  },
  { collection: 'organizations', timestamps: true },
);

// Test orgs always have an owner; other orgs never do (Clerk holds their
// admins). Document validation only: an update's `this` is not the document.
organizationSchema.pre('validate', function () {
  if (this.isTestOrg && !this.ownerUserId) this.invalidate('ownerUserId', 'a test org needs an ownerUserId');
  if (!this.isTestOrg && this.ownerUserId != null) {
    this.invalidate('ownerUserId', 'only test orgs have an ownerUserId', this.ownerUserId);
  }
});

organizationSchema.index({ shortName: 1 }, { unique: true });
organizationSchema.index(
  { clerkOrgId: 1 },
  { unique: true, partialFilterExpression: { clerkOrgId: { $type: 'string' } } },
);
// One test org per user, ever (DESIGN.md §3, provisioning rule 1).
organizationSchema.index(
  { ownerUserId: 1 },
  { unique: true, partialFilterExpression: { isTestOrg: true } },
);

type OrganizationFields = InferSchemaType<typeof organizationSchema>;
export type OrganizationRecord = OrganizationFields & { _id: Types.ObjectId };
type OrganizationModel = Model<OrganizationFields>;

export const Organization: OrganizationModel =
  (models.Organization as OrganizationModel | undefined) ??
  model<OrganizationFields>('Organization', organizationSchema);
