/**
 * The browser benchmarks (e2e/bench: canvas frame rate, full validation in a Web Worker): the e2e
 * setup (production build, real server, Debian's Chromium) with the benchmark specs only. Not part
 * of `npm test`: `npm run bench:web`.
 */
import { defineConfig } from '@playwright/test';
import e2e from './playwright.config.ts';

export default defineConfig({
  ...e2e,
  testDir: './e2e/bench',
  testMatch: /.*\.bench\.ts$/,
  outputDir: './test-results/bench',
  retries: 0,
  reporter: [['list']],
  use: { ...e2e.use, trace: 'off', screenshot: 'off' },
});
