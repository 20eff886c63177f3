// What the store keeps. Serialisation into Clerk's JSON shapes is serialize.ts.
import type { Metadata } from './rules';

export type EmailRecord = { id: string; email_address: string; created_at: number; updated_at: number };

export type PhoneRecord = { id: string; phone_number: string; created_at: number; updated_at: number };

export type UserRecord = {
  id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  locale: string | null;
  emails: EmailRecord[];
  primary_email_address_id: string | null;
  /** Absent in snapshots written before phone numbers were kept. */
  phones?: PhoneRecord[];
  primary_phone_number_id?: string | null;
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  password_enabled: boolean;
  /** scrypt digest (`scrypt$salt$hash`) checked by the Frontend API's password sign-in; absent for users without one. */
  password_digest?: string | null;
  banned: boolean;
  locked: boolean;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  created_at: number;
  updated_at: number;
  /** Creation order, the tie-breaker for equal `created_at`. */
  seq: number;
};

export type OrgRecord = {
  id: string;
  name: string;
  slug: string;
  image_id: string | null;
  public_metadata: Metadata;
  private_metadata: Metadata;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  seq: number;
};

export type MembershipRecord = {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_at: number;
  updated_at: number;
  seq: number;
};

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export type InvitationRecord = {
  id: string;
  organization_id: string;
  email_address: string;
  role: string;
  inviter_id: string | null;
  status: InvitationStatus;
  public_metadata: Metadata;
  private_metadata: Metadata;
  url: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
  seq: number;
};

export type SessionRecord = {
  id: string;
  user_id: string;
  client_id: string;
  status: 'active' | 'ended' | 'revoked' | 'removed';
  last_active_organization_id: string | null;
  created_at: number;
  updated_at: number;
  expire_at: number;
  seq: number;
};

/** A sign-up attempt of a Frontend API client (clerk-js `<SignUp/>`). */
export type SignUpRecord = {
  id: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  email_address: string | null;
  password_digest: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  unsafe_metadata: Metadata;
  /** null until prepare_verification; then the email code's state (or `ticket`: verified by an invitation). */
  email_verification: { strategy: 'email_code' | 'ticket'; status: 'unverified' | 'verified' | 'failed'; attempts: number; expire_at: number } | null;
  /** The invitation whose ticket this sign-up uses (absent in older snapshots). */
  invitation_id?: string | null;
  created_user_id: string | null;
  created_session_id: string | null;
  created_at: number;
  abandon_at: number;
};

/** A sign-in attempt of a Frontend API client (clerk-js `<SignIn/>`). */
export type SignInRecord = {
  id: string;
  status: 'needs_identifier' | 'needs_first_factor' | 'complete' | 'abandoned';
  identifier: string | null;
  user_id: string | null;
  first_factor: { strategy: 'password' | 'email_code' | 'ticket'; status: 'unverified' | 'verified' | 'failed'; attempts: number; expire_at: number | null } | null;
  created_session_id: string | null;
  created_at: number;
  abandon_at: number;
};

/**
 * A Frontend API client: one browser. In a development instance the browser
 * is known by its dev browser token (`__clerk_db_jwt`), which is this record's key.
 */
export type ClientRecord = {
  id: string;
  dev_browser: string;
  session_ids: string[];
  last_active_session_id: string | null;
  sign_up: SignUpRecord | null;
  sign_in: SignInRecord | null;
  last_authentication_strategy: string | null;
  created_at: number;
  updated_at: number;
  seq: number;
};

export type ImageRecord = { id: string; content_type: string; data: Buffer };
