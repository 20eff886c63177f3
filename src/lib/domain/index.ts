// The domain's own types, errors and naming rules. A leaf: it imports nothing,
// so lib/db, lib/auth, lib/tenants and the edge middleware can all load it
// without a cycle or dragging in a database driver (DESIGN.md §4).
export { OwnerTakenError, ProvisioningConflictError, ShortNameTakenError, UnknownUserError } from './errors';
export { ORG_NAME_MAX_LENGTH, orgNameProblem, type OrgNameProblem } from './orgName';
export { RESERVED_SHORT_NAMES, isValidShortName } from './shortName';
export { type ActiveTenant, type AdoptedOrg, type ClerkSyncChanges, type ExportableOrg, isActiveTenant, type Tenant } from './tenant';
export { ORG_ROLE, type OrgRole } from './orgRole';
