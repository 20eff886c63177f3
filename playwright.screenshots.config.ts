import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: the e2e suite's servers and browser, but only the
// README's screenshot tour (tests/screenshots), which writes docs/screenshots/*.png.
export default defineConfig({
  ...base,
  testDir: './tests/screenshots',
  testMatch: '**/*.shots.ts',
  retries: 0,
  timeout: 180_000,
  reporter: [['list']],
});
