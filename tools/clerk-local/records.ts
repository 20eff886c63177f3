// What the store keeps. Serialisation into Clerk's JSON shapes is serialize.ts.
import type { Metadata } from './rules';

export type EmailRecord = { id: string; email_address: string; created_at: number; updated_at: number };

export type UserRecord = {
  id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  locale: string | null;
  emails: EmailRecord[];
  primary_email_address_id: string | null;
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  password_enabled: boolean;
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
  status: 'active' | 'ended' | 'revoked';
  last_active_organization_id: string | null;
  created_at: number;
  updated_at: number;
  expire_at: number;
  seq: number;
};

export type ImageRecord = { id: string; content_type: string; data: Buffer };
