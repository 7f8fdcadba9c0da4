import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

/**
 * Makes a site's request listener (an Express app is one) once its origin is known: an app that names
 * its own origin (allowed origins, redirect URIs, a provider registered for it) needs it first.
 */
export type AppFor = (origin: string) => RequestListener | Promise<RequestListener>;

/** A site on 127.0.0.1: see `serveSite`. */
export interface Site {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /** Stops the server, open connections included (a browser keeps some alive). */
  close(): Promise<void>;
}

/** A site and a Chromium to visit it: see `serveApp`. */
export interface ServedApp extends Site {
  readonly browser: Browser;
  /** Closes the browser, then the site. */
  close(): Promise<void>;
}

/** Serves `app` on 127.0.0.1 at a port the system picks (port 0: files never collide). */
export async function serveSite(app: AppFor): Promise<Site> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    server.on('request', await app(origin));
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a test file of its own site starts in `beforeAll` and stops in `afterAll`: `app` served on
 * 127.0.0.1 and the system Chromium (test/support/chromium.ts), started side by side.
 */
export async function serveApp(app: AppFor): Promise<ServedApp> {
  const [site, browser] = await Promise.allSettled([serveSite(app), launchChromium()]);
  if (site.status == 'rejected' || browser.status == 'rejected') {
    if (site.status == 'fulfilled') await site.value.close();
    if (browser.status == 'fulfilled') await browser.value.close();
    throw site.status == 'rejected' ? site.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    origin: site.value.origin,
    browser: browser.value,
    async close() {
      await browser.value.close();
      await site.value.close();
    },
  };
}
