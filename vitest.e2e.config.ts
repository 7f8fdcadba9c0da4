import { defineConfig } from 'vitest/config';

// End-to-end: the demo's servers and the system Chromium. The demo's pages are built once per run
// (test/e2e/global-setup.ts, decision 38; the root's global setup runs once for both projects below).
//
// Two files at a time (decision 43): a file waits on its browser, its servers and the waits its tests
// bound "nothing happens" with, and leaves a core idle. The files whose assertions read a wall clock —
// "within 3 s", "< 100 ms", "within 1 s" — run after those, one at a time, as before: two browsers
// busy at once must not decide whether they pass.
const TIMED = ['test/e2e/environments.test.ts', 'test/e2e/session.test.ts'];

// A worker keeps its modules from one file to the next (the demo server, oidc-provider, Playwright):
// each file starts its own demo and browser and closes them, and no e2e module holds state between files.
const shared = { testTimeout: 60_000, hookTimeout: 60_000, isolate: false };

export default defineConfig({
  test: {
    globalSetup: ['test/e2e/global-setup.ts'],
    projects: [
      {
        test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'], exclude: TIMED, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        test: { ...shared, name: 'e2e-timed', include: TIMED, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
