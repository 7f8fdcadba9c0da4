import { defineConfig } from 'vitest/config';

// Small apps under test/frameworks/ that install the packed tarball, one at a time.
export default defineConfig({
  test: {
    include: ['test/frameworks/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
