// The store's inputs, filters and snapshot shape, as the routes parse them.
import type { ClientRecord, InvitationRecord, MembershipRecord, OrgRecord, SessionRecord, UserRecord } from '../records';
import type { Metadata } from '../rules';

/** Who caused a change; becomes the event's `event_attributes.http_request`. */
export type ChangeContext = { clientIp: string; userAgent: string };

export type StoreEvent = { type: string; data: unknown; context: ChangeContext | undefined };

export type StoreOptions = {
  baseUrl: () => string;
  emit: (event: StoreEvent) => void;
  /**
   * Sends (records) a new invitation's email and answers its `url`: the
   * redirect URL or the app's sign-up page, with `__clerk_ticket` and
   * `__clerk_status`; null when there is nowhere to point.
   */
  invitationSent?: (invitation: InvitationRecord, opts: { userExists: boolean; redirectUrl: string | null }) => string | null;
};

export type Page = { limit: number; offset: number };

export type CreateUserInput = {
  email_address?: string[];
  phone_number?: string[];
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  external_id?: string | null;
  locale?: string | null;
  password?: string | null;
  /** A digest computed earlier (Frontend API sign-ups keep the digest, never the password). */
  password_digest?: string | null;
  public_metadata?: Metadata;
  private_metadata?: Metadata;
  unsafe_metadata?: Metadata;
};

export type UpdateUserInput = Omit<CreateUserInput, 'email_address' | 'phone_number'> & { primary_email_address_id?: string };

export type UserFilter = {
  email_address?: string[];
  user_id?: string[];
  external_id?: string[];
  username?: string[];
  organization_id?: string[];
  query?: string;
  order_by?: string;
};

export type CreateOrgInput = {
  name: string;
  slug?: string | null;
  created_by?: string | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
  max_allowed_memberships?: number | null;
};

export type UpdateOrgInput = {
  name?: string | null;
  slug?: string | null;
  max_allowed_memberships?: number | null;
  admin_delete_enabled?: boolean | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
};

export type OrgFilter = { query?: string; user_id?: string[]; organization_id?: string[]; order_by?: string };

export type MembershipFilter = { user_id?: string[]; role?: string[]; email_address?: string[]; query?: string; order_by?: string };

export type CreateInvitationInput = {
  email_address: string;
  role: string;
  inviter_user_id?: string | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
  redirect_url?: string | null;
  expires_in_days?: number | null;
};

export type StoreSnapshot = {
  seq: number;
  users: UserRecord[];
  orgs: OrgRecord[];
  memberships: MembershipRecord[];
  invitations: InvitationRecord[];
  sessions: SessionRecord[];
  images: { id: string; content_type: string; data: string }[];
  /** Frontend API clients (absent in snapshots written before the Frontend API existed). */
  clients?: ClientRecord[];
};
