/**
 * End-to-end tests: the production build of apps/web served by the real server (embedded
 * PGlite database in a temporary directory) on a free port, driven in the system Chromium.
 * Run with `npm run test:e2e` (builds the web app first).
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** The config is evaluated in the runner and in every worker: pick the port and data dir once. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
process.env['VIPLANE_E2E_PORT'] ??= String(await freePort());
process.env['VIPLANE_E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'viplane-e2e-'));
const port = Number(process.env['VIPLANE_E2E_PORT']);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e/tests',
  outputDir: './test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL,
    viewport: { width: 1600, height: 960 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 960 }, channel: undefined } }],
  webServer: {
    command: 'npx tsx apps/server/src/server.ts',
    url: `${baseURL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      VIPLANE_DATA_DIR: process.env['VIPLANE_E2E_DATA_DIR'],
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_IP: '100000',
      RATE_LIMIT_PER_TOKEN: '100000',
      RATE_LIMIT_CREATE_PER_IP: '10000',
    },
  },
});
