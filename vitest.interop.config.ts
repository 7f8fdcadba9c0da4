import { defineConfig } from 'vitest/config';

// Interop: the journey in Chromium against LemonLDAP::NG from Debian's packages, started once for the
// whole run (test/interop/global-setup.ts), one file at a time.
export default defineConfig({
  test: {
    include: ['test/interop/**/*.test.ts'],
    globalSetup: ['test/interop/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
