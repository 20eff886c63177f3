import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, signIn } from './clerk';
import { expect, test } from './fixtures';
import { customerOrg, openAs } from './world';

// Issue 15: axe-core on every page, 0 serious or critical violations;
// everything reachable by keyboard with a visible focus.
async function seriousViolations(page: Page) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`signed-out pages have no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/en', '/de', '/fr/event/sign-out', '/en/event/no-such-page', '/en/sign-in', '/fr/sign-up']) {
      await page.goto(path);
      if (/\/sign-(in|up)$/.test(path)) await expect(page.locator('.cl-rootBox')).toBeVisible({ timeout: 20_000 });
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test(`tenant pages, dialogs and the 403 page have no serious accessibility violations (${scheme})`, async ({ page, context, baseURL }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { admin, member, slug } = await customerOrg(`axe-${scheme}`);
    await openAs(page, context, baseURL!, admin.id, `/en/${slug}`);
    for (const path of [`/en/${slug}`, `/de/${slug}/members`, `/fr/${slug}/settings`]) {
      await page.goto(path);
      await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.goto(`/en/${slug}/members`);
    await page.getByTestId('invitation').getByRole('button', { name: en.Members.revoke }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await seriousViolations(page), 'confirm dialog').toEqual([]);

    await context.clearCookies();
    await signIn(context, baseURL!, member.id);
    await page.goto(`/en/${slug}/settings`);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    expect(await seriousViolations(page), '403').toEqual([]);
  });
}

test('the admin area has no serious accessibility violations', async ({ page, context, baseURL }) => {
  const admin = await clerk.users.createUser({ emailAddress: [`axe-platform-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
  await signIn(context, baseURL!, admin.id);
  await page.goto('/en/admin');
  await expect(page.getByTestId('admin-page')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the keyboard reaches everything, with a visible focus: skip link first, then the header, then the page', async ({ page, context, baseURL }) => {
  const { admin, slug } = await customerOrg('tab');
  await openAs(page, context, baseURL!, admin.id, `/en/${slug}/members`);
  await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: en.Header.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();

  // Tab through the page and note every control that gets focus, and whether its focus is visible.
  const seen: { id: string; outlined: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return { id: 'body', outlined: true };
        const style = getComputedStyle(el);
        const id = el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
        // Ours draw an outline; Clerk's own controls draw a box-shadow ring.
        return { id, outlined: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none' };
      }),
    );
  }
  const ids = seen.map((s) => s.id);
  for (const wanted of ['brand', 'locale-switcher', 'invite-email', 'invite-role', 'invite-submit', en.Members.makeAdmin, en.Members.remove, en.Members.revoke]) {
    expect(ids, wanted).toContain(wanted);
  }
  expect(ids.some((id) => /user (menu|button)/i.test(id)), ids.join(' | ').slice(0, 500)).toBe(true);
  expect(seen.filter((s) => !s.outlined).map((s) => s.id)).toEqual([]);
});
