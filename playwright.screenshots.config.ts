/**
 * Before/after pictures of the templates at fit (docs/screenshots/): the e2e setup (production
 * build, real server, Debian's Chromium) with the screenshot script only, at 1440×900. Not part
 * of `npm test`: `npm run build -w @viplane/web && npx playwright test -c playwright.screenshots.config.ts`.
 */
import { defineConfig } from '@playwright/test';
import e2e from './playwright.config.ts';

export default defineConfig({
  ...e2e,
  testDir: './e2e/screenshots',
  testMatch: /.*\.shot\.ts$/,
  outputDir: './test-results/screenshots',
  retries: 0,
  reporter: [['list']],
  projects: [{ name: 'chromium', use: { viewport: { width: 1440, height: 900 } } }],
  use: { ...e2e.use, viewport: { width: 1440, height: 900 }, trace: 'off', screenshot: 'off' },
});
