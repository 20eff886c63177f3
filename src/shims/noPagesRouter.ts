// Tenantry uses the App Router only. @clerk/nextjs's client ClerkProvider
// imports its Pages Router provider as well (rendered only when a pages
// router exists, never here), and that import pulls Next's pages router,
// `next/router` and `next/script`, ~17 KB gzipped, into every page
// (issue 15, measured by `npm run bench`). next.config.ts resolves those two
// modules here in the browser build; nothing calls them.
function absent(): never {
  throw new Error('next/router and next/script are not in the browser build: Tenantry uses the App Router only');
}

export const useRouter = absent;
export default absent;
