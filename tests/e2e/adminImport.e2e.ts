import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, createUser, signIn } from './clerk';
import { expect, test } from './fixtures';

// Issue 12 in the browser: a CSV import as a background job with live
// progress, the org list's search and paging, archive and restore.

async function platformAdmin(label: string) {
  return clerk.users.createUser({ emailAddress: [`${label}-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
}

test('upload → preview → apply → the progress bar moves → summary; then search and paging find the orgs', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await platformAdmin('import-admin');
  await signIn(context, baseURL!, admin.id);
  const prefix = `bulk${Date.now().toString(36)}`;
  const rows = Array.from({ length: 200 }, (_, i) => `${prefix}-${i + 1},Bulk ${i + 1},,false,`);
  const file = { name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(['shortName,name,logoUrl,isTestOrg,admins', ...rows, 'Not Valid,x,,false,'].join('\n')) };

  await page.goto('/en/admin');
  await page.getByTestId('csv-file').setInputFiles(file);
  await page.getByRole('button', { name: en.AdminCsv.import }).click();
  await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('csv-preview')).toContainText('201 rows: 200 to create');
  await expect(page.getByTestId('csv-error')).toHaveText(/^Line 202: shortName "Not Valid"/);
  await page.getByLabel(en.AdminCsv.applyValidRows).check();
  await page.getByRole('button', { name: en.AdminCsv.apply }).click();

  const progress = page.getByTestId('csv-progress');
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('progress-start.png') });
  // Clerk's development rate limit paces the writes: the bar moves a batch at a time.
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
  await page.screenshot({ path: test.info().outputPath('progress-middle.png') });
  await expect(page.getByTestId('csv-report')).toContainText('200 created', { timeout: 90_000 });
  await expect(page.getByTestId('csv-report')).toContainText('1 rejected');
  await page.screenshot({ path: test.info().outputPath('progress-end.png') });

  // Leaving and coming back shows the import.
  await page.goto('/en/admin');
  await expect(page.getByTestId('csv-report')).toContainText('200 created');

  await page.getByTestId('org-search').fill(prefix);
  await page.getByRole('button', { name: en.AdminOrgList.searchButton }).click();
  await expect(page.getByTestId('org-page')).toHaveText('Page 1 of 4');
  await expect(page.getByTestId('admin-orgs').locator('tbody tr')).toHaveCount(50);
  await page.getByRole('link', { name: en.AdminOrgList.next }).first().click();
  await expect(page.getByTestId('org-page')).toHaveText('Page 2 of 4');
  await page.getByTestId('org-search').fill('no-such-org-anywhere');
  await page.getByRole('button', { name: en.AdminOrgList.searchButton }).click();
  await expect(page.getByTestId('org-list-empty')).toHaveText(en.AdminOrgList.none);
});

test('archiving an org closes it to its members until it is restored', async ({ page, context, baseURL, browser }) => {
  const member = await createUser('archived-member');
  await expect.poll(async () => (await clerk.users.getUser(member.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const slug = String((await clerk.users.getUser(member.id)).publicMetadata.newTenantSlug);
  const memberContext = await browser.newContext({ baseURL });
  await signIn(memberContext, baseURL!, member.id);
  const memberPage = await memberContext.newPage();
  expect((await memberPage.goto(`/en/${slug}`))?.status()).toBe(200);

  const admin = await platformAdmin('archive-admin');
  await signIn(context, baseURL!, admin.id);
  await page.goto(`/en/admin?q=${slug}`);
  await page.getByRole('button', { name: `${en.AdminOrgList.archive} ${slug}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: en.AdminOrgList.confirm }).click();
  await expect(page.getByTestId('admin-orgs')).toContainText(en.Admin.statuses.archived);
  expect((await memberPage.goto(`/en/${slug}`))?.status()).toBe(404);

  await page.getByRole('button', { name: `${en.AdminOrgList.restore} ${slug}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: en.AdminOrgList.confirm }).click();
  await expect(page.getByTestId('admin-orgs')).toContainText(en.Admin.statuses.active);
  expect((await memberPage.goto(`/en/${slug}`))?.status()).toBe(200);
  await memberContext.close();
});
