import de from '../../src/i18n/messages/de.json' with { type: 'json' };
import { expect, test } from './fixtures';

test('the sign-out page says so and offers a way back', async ({ page }) => {
  await page.goto('/de/event/sign-out');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(de.SignOut.title);
  await page.getByRole('link', { name: de.SignOut.signInAgain }).click();
  await expect(page).toHaveURL(/\/de\/sign-in/);
});
