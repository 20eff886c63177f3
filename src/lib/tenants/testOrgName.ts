/** `test-` + the number zero-padded to 4 digits (`test-0007`, `test-12345`); DESIGN.md §3 rule 2. */
export function testOrgShortName(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`test org number must be a positive integer, got ${n}`);
  return `test-${String(n).padStart(4, '0')}`;
}

/** The metadata key that tags a Clerk org as a user's test org, so a retry can adopt it. */
export const TEST_ORG_OWNER_KEY = 'testOrgOwner';
