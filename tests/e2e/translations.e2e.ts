import { deDE, enUS, frFR } from '@clerk/localizations';
import type { Page } from '@playwright/test';
import de from '../../src/i18n/messages/de.json' with { type: 'json' };
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import fr from '../../src/i18n/messages/fr.json' with { type: 'json' };
import { clerk, signIn } from './clerk';
import { expect, test } from './fixtures';
import { customerOrg, openAs } from './world';

// Issue 15: a page in German or French shows no string from the English
// messages file nor from Clerk's English localization.
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The fixed parts of a message (ICU `{…}` and Clerk `{{…}}` arguments cut out), long enough to mean something. */
function fixedParts(message: string): string[] {
  return message
    .split(/\{\{[^}]*\}\}|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 5 && /\p{L}{3,}/u.test(part));
}

const ENGLISH = [...new Set([...strings(en), ...strings(enUS)].flatMap(fixedParts))];
const OWN = { de: new Set([...strings(de), ...strings(deDE)].flatMap(fixedParts)), fr: new Set([...strings(fr), ...strings(frFR)].flatMap(fixedParts)) };
const OWN_LONGEST_FIRST = { de: [...OWN.de].sort((a, b) => b.length - a.length), fr: [...OWN.fr].sort((a, b) => b.length - a.length) };

/** English strings in what the page shows or says: text, placeholders, labels, titles. */
async function englishOn(page: Page, locale: 'de' | 'fr'): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const shown = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[placeholder],[aria-label],[title],[alt]')].flatMap((el) =>
      ['placeholder', 'aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.title, document.body.innerText, ...attrs].join('\n');
  });
  // What the locale itself says (its messages and Clerk's strings for it, longest first) and
  // e-mail addresses (people's data) are taken out first: "Account" inside "Kein Account?"
  // is German, not English left behind.
  const own = OWN[locale];
  let rest = shown.replace(/\S+@\S+/g, ' ');
  for (const part of OWN_LONGEST_FIRST[locale]) rest = rest.split(part).join('\n');
  return ENGLISH.filter((s) => !own.has(s) && new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(rest));
}

for (const locale of ['de', 'fr'] as const) {
  test(`${locale}: signed-out pages and Clerk's cards show no English`, async ({ page }) => {
    for (const path of [`/${locale}`, `/${locale}/sign-in`, `/${locale}/sign-up`, `/${locale}/event/sign-out`, `/${locale}/event/missing`]) {
      await page.goto(path);
      if (/\/sign-(in|up)$/.test(path)) await expect(page.locator('.cl-rootBox')).toBeVisible({ timeout: 20_000 });
      expect(await englishOn(page, locale), path).toEqual([]);
    }
  });

  test(`${locale}: tenant pages, dialogs, errors and the 403 page show no English`, async ({ page, context, baseURL }) => {
    const { admin, member, slug } = await customerOrg(`${locale}-words`);
    await openAs(page, context, baseURL!, admin.id, `/${locale}/${slug}`);
    for (const path of [`/${locale}/${slug}`, `/${locale}/${slug}/members`, `/${locale}/${slug}/settings`]) {
      await page.goto(path);
      await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
      expect(await englishOn(page, locale), path).toEqual([]);
    }
    await page.goto(`/${locale}/${slug}/members`);
    await page.getByTestId('invite-email').fill(`invited-${slug}@example.com`);
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('invite-error')).toBeVisible();
    await page.getByTestId('invitation').getByRole('button').click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await englishOn(page, locale), 'members: error and dialog').toEqual([]);

    // Clerk's user menu, opened.
    await page.keyboard.press('Escape');
    await page.locator('.cl-userButtonTrigger').click();
    await expect(page.locator('.cl-userButtonPopoverCard')).toBeVisible();
    expect(await englishOn(page, locale), 'user menu').toEqual([]);

    await context.clearCookies();
    await signIn(context, baseURL!, member.id);
    await page.goto(`/${locale}/${slug}/settings`);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    expect(await englishOn(page, locale), '403').toEqual([]);
  });

  test(`${locale}: the admin page with an import preview and its problems shows no English`, async ({ page, context, baseURL }) => {
    const admin = await clerk.users.createUser({ emailAddress: [`words-admin-${locale}-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
    await signIn(context, baseURL!, admin.id);
    await page.goto(`/${locale}/admin`);
    const csv = 'shortName,name,logoUrl,isTestOrg,admins\nBad Name!,,ftp://logo,maybe,person.example.org\n';
    await page.getByTestId('csv-file').setInputFiles({ name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: { de, fr }[locale].AdminCsv.import }).click();
    await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
    await expect(page.getByTestId('csv-error')).toHaveCount(5);
    expect(await englishOn(page, locale), 'admin').toEqual([]);
    // Cancelled, the preview is no longer the admin page's current import.
    await page.getByRole('button', { name: { de, fr }[locale].AdminCsv.cancel }).click();
    await expect(page.getByTestId('csv-job')).toHaveAttribute('data-status', 'cancelled');
    expect(await englishOn(page, locale), 'admin, import cancelled').toEqual([]);
  });
}
