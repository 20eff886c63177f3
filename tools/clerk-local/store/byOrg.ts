// Memberships and invitations by id, and by organization as well: Clerk looks
// an org's members and invitations up by index, and so must clerk-local, or a
// 10,000-org import costs it O(n²) (each new invitation scanned every other
// one for a duplicate; deleting each org scanned them all again).

/** A Map by id that also keeps each record under its `organization_id` (a record set again under another org moves). */
export class ByOrgMap<T extends { id: string; organization_id: string }> extends Map<string, T> {
  private readonly byOrg = new Map<string, Map<string, T>>();

  // Not for `new ByOrgMap(entries)`: Map's constructor would call set() before byOrg exists.
  override set(id: string, record: T): this {
    const previous = super.get(id);
    if (previous && previous.organization_id !== record.organization_id) this.delete(id);
    super.set(id, record);
    let forOrg = this.byOrg.get(record.organization_id);
    if (!forOrg) this.byOrg.set(record.organization_id, (forOrg = new Map()));
    forOrg.set(id, record);
    return this;
  }

  override delete(id: string): boolean {
    const record = super.get(id);
    if (!record) return false;
    const forOrg = this.byOrg.get(record.organization_id);
    forOrg?.delete(id);
    if (forOrg?.size === 0) this.byOrg.delete(record.organization_id);
    return super.delete(id);
  }

  override clear(): void {
    this.byOrg.clear();
    super.clear();
  }

  /** The org's records, oldest first (insertion order). */
  of(orgId: string): T[] {
    return [...(this.byOrg.get(orgId)?.values() ?? [])];
  }
}
