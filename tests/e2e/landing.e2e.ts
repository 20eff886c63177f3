import de from '../../src/i18n/messages/de.json' with { type: 'json' };
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import fr from '../../src/i18n/messages/fr.json' with { type: 'json' };
import { expect, test } from './fixtures';

const messages = { en, de, fr };

for (const [locale, m] of Object.entries(messages)) {
  test(`the landing page renders in ${locale} with <html lang="${locale}">`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Landing.title);
    await expect(page.getByRole('link', { name: m.Landing.getStarted })).toHaveAttribute('href', `/${locale}/sign-up`);
  });
}

test.describe('a German-speaking visitor', () => {
  test.use({ locale: 'de-DE' });
  test('is redirected from / to /de', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });
});

test('/ redirects an English-speaking visitor to /en', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/en$/);
});

test('the locale switcher moves to the same page in another language', async ({ page }) => {
  await page.goto('/en/event/sign-out');
  await page.getByTestId('locale-switcher').selectOption('fr');
  await expect(page).toHaveURL(/\/fr\/event\/sign-out$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.SignOut.title);
});
