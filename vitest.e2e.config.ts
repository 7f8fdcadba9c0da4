import { defineConfig } from 'vitest/config';

// End-to-end: the demo's servers and the system Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
