import de from '../../src/i18n/messages/de.json' with { type: 'json' };
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, createUser, signIn, webhooksSettled, withoutWebhooks } from './clerk';
import { expect, test } from './fixtures';

test('only a platform admin sees the admin area; others get the not-found page', async ({ page, context, baseURL }) => {
  const someone = await createUser('not-admin');
  await signIn(context, baseURL!, someone.id);
  const response = await page.goto('/en/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('a platform admin sees every org and replays a failed webhook event', async ({ page, context, baseURL }) => {
  const admin = await clerk.users.createUser({ emailAddress: [`platform-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
  // A user deleted before their user.created arrives: that event fails for good.
  const ghost = await withoutWebhooks(async () => {
    const user = await createUser('ghost');
    await clerk.users.deleteUser(user.id);
    return user;
  });
  await expect.poll(async () => (await clerk.users.getUser(admin.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const adminOrg = String((await clerk.users.getUser(admin.id)).publicMetadata.newTenantSlug);

  await signIn(context, baseURL!, admin.id);
  await page.goto('/en/admin');
  await expect(page.getByTestId('admin-orgs')).toContainText(adminOrg);
  await page.getByRole('link', { name: en.Admin.showFailed }).click();
  await expect(page).toHaveURL(/events=failed/);
  // The ghost's user.created fails for good (Clerk has no such user); its
  // user.deleted follows. Both are answered before the replay.
  await expect.poll(webhooksSettled, { timeout: 20_000 }).toBe(true);
  await page.reload();
  const row = page.getByTestId('admin-event').filter({ hasText: 'user.created' }).filter({ hasText: ghost.id });
  await expect(row).toContainText('failed');
  await row.getByRole('button', { name: en.Admin.replay }).click();
  // Two right outcomes, decided by how the ghost's two webhooks raced: its
  // test-org reservation was dropped (Clerk still has no such user: the replay
  // fails again) or the user.deleted archived it first (nothing left to do:
  // processed). Either way the outcome is shown, and survives the refresh.
  const replayed = (status: 'failed' | 'processed') => en.Admin.replayed.replace('{status}', en.Admin.replayStatuses[status]);
  const toast = page.getByTestId('toast');
  await expect(toast).toHaveText(new RegExp(`^(${replayed('failed')}|${replayed('processed')})$`));
  if ((await toast.textContent()) === replayed('failed')) {
    await expect(row.getByTestId('replay-result')).toHaveText(replayed('failed'));
    await expect(row.getByRole('button', { name: en.Admin.replay })).toBeEnabled();
  } else {
    // No longer failed: it leaves the failed list.
    await expect(row).toHaveCount(0);
  }
});

test('a platform admin exports the orgs as CSV and imports a file through the page', async ({ page, context, baseURL }) => {
  const admin = await clerk.users.createUser({ emailAddress: [`csv-admin-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
  await signIn(context, baseURL!, admin.id);
  const slug = `csv-${Date.now().toString(36)}`;

  const file = {
    name: 'orgs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`shortName,name,logoUrl,isTestOrg,admins\n${slug},CSV Imported,,false,${slug}-boss@example.com\nBad Name,x,,false,\n`),
  };
  await page.goto('/en/admin');
  await page.getByTestId('csv-file').setInputFiles(file);
  await page.getByRole('button', { name: en.AdminCsv.import }).click();
  // The preview: counts and line-numbered problems, nothing written yet.
  await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.getByTestId('csv-error')).toHaveText(/^Line 3: shortName "Bad Name" is not valid/);
  expect(await clerk.organizations.getOrganizationList({ query: slug }).then((r) => r.totalCount)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('csv-preview.png') });

  await page.getByLabel(en.AdminCsv.applyValidRows).check();
  await page.getByRole('button', { name: en.AdminCsv.apply }).click();
  await expect(page.getByTestId('csv-report')).toContainText('1 created', { timeout: 30_000 });
  await expect(page.getByTestId('csv-report')).toContainText('1 rejected');
  await page.screenshot({ path: test.info().outputPath('csv-summary.png') });
  const org = await clerk.organizations.getOrganization({ slug });
  const { data: invitations } = await clerk.organizations.getOrganizationInvitationList({ organizationId: org.id });
  expect(invitations.map((i) => [i.emailAddress, i.role])).toEqual([[`${slug}-boss@example.com`, 'org:admin']]);

  const exported = await page.request.get('/api/admin/orgs/export');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('text/csv');
  expect(await exported.text()).toContain(`${slug},CSV Imported,,false,${slug}-boss@example.com`);
});

test('the CSV export is refused to anyone but a platform admin', async ({ context, baseURL, request }) => {
  expect((await request.get('/api/admin/orgs/export')).status()).toBe(401);
  const someone = await createUser('csv-nosy');
  await signIn(context, baseURL!, someone.id);
  const page = await context.newPage();
  expect((await page.request.get('/api/admin/orgs/export')).status()).toBe(404);
});

test('on /de/admin an import problem reads in German; the API and problems.csv answer in the language asked', async ({ page, context, baseURL }) => {
  const admin = await clerk.users.createUser({ emailAddress: [`csv-de-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
  await signIn(context, baseURL!, admin.id);
  const file = { name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from('shortName,name,logoUrl,isTestOrg,admins\nBad Name!,x,,false,\n') };
  await page.goto('/de/admin');
  await page.getByTestId('csv-file').setInputFiles(file);
  await page.getByRole('button', { name: de.AdminCsv.import }).click();
  await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  const problem = page.getByTestId('csv-error');
  await expect(problem).toHaveAttribute('data-code', 'shortNameInvalid');
  await expect(problem).toHaveText(/^Zeile 2: shortName „Bad Name!“ ist ungültig \(Kleinbuchstaben/);

  // The download link carries the page's language; the API takes ?locale= (else Accept-Language).
  const download = page.getByTestId('csv-problems-download');
  const href = (await download.getAttribute('href'))!;
  expect(href).toMatch(/\/problems\.csv\?locale=de$/);
  const id = href.split('/')[4]!;
  const view = (await (await page.request.get(`/api/admin/imports/${id}?locale=de`)).json()) as { problems: { line: number; code: string; message: string }[] };
  expect(view.problems).toEqual([expect.objectContaining({ line: 2, code: 'shortNameInvalid', params: { shortName: 'Bad Name!' }, message: expect.stringMatching(/^shortName „Bad Name!“ ist ungültig/) })]);
  const french = await page.request.get(`/api/admin/imports/${id}/problems.csv`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
  expect(await french.text()).toMatch(/^line,message,code\n2,"shortName «\u202fBad Name!\u202f» n’est pas valide \(/);
  // A previewed import stays the admin page's current one: cancelled, it leaves the page to the next import.
  await page.getByRole('button', { name: de.AdminCsv.cancel }).click();
  await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'cancelled');
});
