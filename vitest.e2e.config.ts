import { defineConfig } from 'vitest/config';

// End-to-end: the demo's servers and the system Chromium, one file at a time. The demo's pages are built
// once per run (test/e2e/global-setup.ts, decision 38).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
