// lib/admin: what the platform admin's page reads (DESIGN.md §1), so the page only composes components.
export { ADMIN_PAGE_SIZE, adminOverview } from './overview';
