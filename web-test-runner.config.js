// Element tests in real Chromium (the system /usr/bin/chromium), with its popup blocker ON:
// puppeteer turns it off by default, which would hide exactly the bugs these tests are for.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createServer } from 'node:net';
import { chromiumArgs, chromiumPath } from './test/chromium-args.js';
import { cdpCommands } from './test/browser/fixtures/cdp-commands.js';
import { providerFixtures } from './test/browser/fixtures/server.js';

/** A free port on 127.0.0.1: web-test-runner needs a number up front (it puts it in the page URL). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });


export default {
  files: 'test/browser/**/*.test.ts',
  hostname: '127.0.0.1',
  port: Number(process.env.WTR_PORT) || (await freePort()),
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), cdpCommands()],
  middleware: [providerFixtures],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
        ignoreDefaultArgs: ['--disable-popup-blocking'],
      },
    }),
  ],
};
