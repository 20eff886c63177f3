// Organizations: create (with the creator as admin), list, update, logo, delete.
import { errors } from '../errors';
import { newId } from '../ids';
import type { ImageRecord, MembershipRecord, OrgRecord, UserRecord } from '../records';
import { ADMIN_ROLE, deepMergeMetadata, isValidSlug, type Metadata, slugFromName, slugWithSuffix } from '../rules';
import { checkMetadataSize, checkOrgName } from '../validation';
import { deletedJson, orgJson } from '../serialize';
import type { ChangeContext, Page, CreateOrgInput, UpdateOrgInput, OrgFilter } from './types';
import { sortRecords, page } from './state';
import { UserStore } from './users';

export abstract class OrganizationStore extends UserStore {
  /** The creator becomes the org's first admin; memberships.ts owns how. */
  protected abstract addMembership(o: OrgRecord, userId: string, role: string, pub: Metadata, priv: Metadata, context: ChangeContext | undefined): MembershipRecord;

  getOrganization(idOrSlug: string): OrgRecord {
    const byId = this.orgs.get(idOrSlug);
    if (byId) return byId;
    for (const o of this.orgs.values()) if (o.slug === idOrSlug) return o;
    throw errors.notFound();
  }

  protected slugTaken(slug: string, selfId?: string): boolean {
    for (const o of this.orgs.values()) if (o.slug === slug && o.id !== selfId) return true;
    return false;
  }

  protected checkSlug(slug: string, selfId?: string): void {
    if (!isValidSlug(slug)) {
      throw errors.paramInvalid('slug', 'The slug can contain only lowercase alphanumeric characters (letters and digits) and the dash "-".');
    }
    if (this.slugTaken(slug, selfId)) throw errors.identifierExists('slug', 'That slug is taken. Please try another.');
  }

  createOrganization(input: CreateOrgInput, context?: ChangeContext): OrgRecord {
    const name = checkOrgName(input.name);
    checkMetadataSize({ public_metadata: input.public_metadata, private_metadata: input.private_metadata });
    if (input.created_by && !this.users.has(input.created_by)) throw errors.creatorNotFound(input.created_by);
    let slug: string;
    if (input.slug !== undefined && input.slug !== null) {
      slug = input.slug;
      this.checkSlug(slug);
    } else {
      slug = slugFromName(name);
      while (this.slugTaken(slug)) slug = slugWithSuffix(slugFromName(name));
    }
    const t = this.now();
    const o: OrgRecord = {
      id: newId('organization'),
      name,
      slug,
      image_id: null,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      max_allowed_memberships: input.max_allowed_memberships ?? 0,
      admin_delete_enabled: true,
      created_by: input.created_by ?? null,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    this.orgs.set(o.id, o);
    this.emit('organization.created', orgJson(this.view, o), context);
    // The creator becomes the first admin, as in Clerk.
    if (input.created_by) this.addMembership(o, input.created_by, ADMIN_ROLE, {}, {}, context);
    this.changed();
    return o;
  }

  /** A user id given in a body parameter: unknown → 404 resource_not_found. */
  protected getUserForParam(id: string): UserRecord {
    return this.getUser(id);
  }

  listOrganizations(filter: OrgFilter, p: Page): { items: OrgRecord[]; total: number } {
    const include = (filter.user_id ?? []).filter((x) => !x.startsWith('-')).map((x) => x.replace(/^\+/, ''));
    const exclude = (filter.user_id ?? []).filter((x) => x.startsWith('-')).map((x) => x.slice(1));
    const orgInclude = (filter.organization_id ?? []).filter((x) => !x.startsWith('-')).map((x) => x.replace(/^\+/, ''));
    const orgExclude = (filter.organization_id ?? []).filter((x) => x.startsWith('-')).map((x) => x.slice(1));
    const membersOf = (orgId: string) => this.membershipsOf(orgId).map((m) => m.user_id);
    const q = filter.query?.toLowerCase();
    const items = [...this.orgs.values()].filter((o) => {
      const members = include.length || exclude.length ? membersOf(o.id) : [];
      return (
        (!q || o.id === filter.query || o.name.toLowerCase().includes(q) || o.slug.includes(q)) &&
        (!include.length || members.some((m) => include.includes(m))) &&
        !members.some((m) => exclude.includes(m)) &&
        (!orgInclude.length || orgInclude.includes(o.id)) &&
        !orgExclude.includes(o.id)
      );
    });
    return page(sortRecords(items, filter.order_by), p);
  }

  updateOrganization(id: string, input: UpdateOrgInput, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    const name = input.name !== undefined && input.name !== null ? checkOrgName(input.name) : undefined;
    if (input.slug !== undefined && input.slug !== null && input.slug !== o.slug) this.checkSlug(input.slug, o.id);
    checkMetadataSize({ public_metadata: input.public_metadata, private_metadata: input.private_metadata });
    if (name) o.name = name;
    if (input.slug) o.slug = input.slug;
    if (input.max_allowed_memberships !== undefined && input.max_allowed_memberships !== null) {
      o.max_allowed_memberships = input.max_allowed_memberships;
    }
    if (input.admin_delete_enabled !== undefined && input.admin_delete_enabled !== null) {
      o.admin_delete_enabled = input.admin_delete_enabled;
    }
    if (input.public_metadata) o.public_metadata = input.public_metadata;
    if (input.private_metadata) o.private_metadata = input.private_metadata;
    return this.touchOrg(o, context);
  }

  protected touchOrg(o: OrgRecord, context: ChangeContext | undefined): OrgRecord {
    return this.touch(o, 'organization.updated', (x) => orgJson(this.view, x), context);
  }

  mergeOrganizationMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    const merged = {
      public_metadata: patch.public_metadata ? deepMergeMetadata(o.public_metadata, patch.public_metadata) : undefined,
      private_metadata: patch.private_metadata ? deepMergeMetadata(o.private_metadata, patch.private_metadata) : undefined,
    };
    checkMetadataSize(merged);
    if (merged.public_metadata) o.public_metadata = merged.public_metadata;
    if (merged.private_metadata) o.private_metadata = merged.private_metadata;
    return this.touchOrg(o, context);
  }

  replaceOrganizationMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    checkMetadataSize(patch);
    if (patch.public_metadata !== undefined) o.public_metadata = patch.public_metadata ?? {};
    if (patch.private_metadata !== undefined) o.private_metadata = patch.private_metadata ?? {};
    return this.touchOrg(o, context);
  }

  setOrganizationLogo(id: string, image: { contentType: string; data: Buffer }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (o.image_id) this.images.delete(o.image_id);
    const img: ImageRecord = { id: newId('image'), content_type: image.contentType, data: image.data };
    this.images.set(img.id, img);
    o.image_id = img.id;
    return this.touchOrg(o, context);
  }

  deleteOrganizationLogo(id: string, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (o.image_id) this.images.delete(o.image_id);
    o.image_id = null;
    return this.touchOrg(o, context);
  }

  /** Memberships and invitations go with the org; Clerk reports only `organization.deleted`. */
  deleteOrganization(id: string, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    for (const m of this.memberships.of(o.id)) this.memberships.delete(m.id);
    for (const i of this.invitations.of(o.id)) this.invitations.delete(i.id);
    if (o.image_id) this.images.delete(o.image_id);
    this.orgs.delete(o.id);
    this.emit('organization.deleted', deletedJson('organization', o.id, { slug: o.slug }), context);
    this.changed();
    return o;
  }
}
