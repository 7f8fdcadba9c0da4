import { defineConfig } from 'vitest/config';

// Firefox ESR (WebDriver BiDi) and WebKitGTK (WebKitWebDriver under Xvfb), one engine at a time.
export default defineConfig({
  test: {
    include: ['test/engines/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
