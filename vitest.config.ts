import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**', '**/.tsbuild/**'],
    // The plain "N passed, N failed" line lets CI count tests (see .ci/run).
    reporters: ['default', './scripts/summaryReporter.ts'],
    // The CLI tests run the bundled `viplane` (apps/cli/dist), built here from the current sources.
    globalSetup: ['./scripts/buildCli.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
