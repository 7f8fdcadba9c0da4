import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { until, type Engine, type Popup } from './engine.js';

export const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** Whether something accepts connections on 127.0.0.1:`port`. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** A display for MiniBrowser, which has no headless mode: Xvfb on the first free number from 90. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  for (let n = 90; n < 140; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    // Ready once its socket exists; gone if it exited (another server took the number meanwhile).
    const ready = await until(async () => xvfb.exitCode !== null || existsSync(`/tmp/.X11-unix/X${n}`), 5000, 'Xvfb').then(
      () => xvfb.exitCode === null,
      () => false,
    );
    if (ready) return { display: `:${n}`, process: xvfb };
    xvfb.kill();
  }
  throw new Error('no free X display for Xvfb');
}

/** WebKitWebDriver on 127.0.0.1 and a session in MiniBrowser; session creation is time-boxed and retried once. */
async function startSession(display: string): Promise<{ driver: WebDriver; server: ChildProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
    await until(() => accepts(port), 5000, 'WebKitWebDriver to listen').catch(() => undefined);
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    };
    const session = new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
    // A time box, not a wait: cleared as soon as the session is there.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, 30_000, undefined)));
    const driver = await Promise.race([session, timedOut])
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
    if (driver) return { driver, server };
    server.kill('SIGKILL');
    if (attempt == 2) throw new Error('WebKitWebDriver did not create a session twice in a row');
  }
}

/** WebKitGTK's MiniBrowser over WebDriver (selenium-webdriver) on its own Xvfb display. */
export async function launchWebKit(): Promise<Engine> {
  const xvfb = await startXvfb();
  const { driver, server } = await startSession(xvfb.display);
  const main = await driver.getWindowHandle();
  const inWindow = async <T>(handle: string, action: () => Promise<T>): Promise<T> => {
    await driver.switchTo().window(handle);
    try {
      return await action();
    } finally {
      if ((await driver.getAllWindowHandles()).includes(main)) await driver.switchTo().window(main);
    }
  };
  const popupOf = (handle: string): Popup => ({
    waitFor: (selector, timeout = 10_000) =>
      until(() => inWindow(handle, async () => (await driver.findElements(By.css(selector))).length > 0), timeout, selector),
    click: (selector) => inWindow(handle, async () => driver.findElement(By.css(selector)).click()),
    async close() {
      await driver.switchTo().window(handle);
      await driver.close();
      await driver.switchTo().window(main);
    },
  });
  return {
    name: 'webkit',
    activationFreeAfterMs: 0,
    goto: (url) => driver.get(url),
    run: (expression) => driver.executeScript(`return JSON.parse(JSON.stringify(${expression}) ?? 'null')`),
    click: async (selector) => driver.findElement(By.css(selector)).click(),
    async pressEnter(selector) {
      await driver.executeScript(`document.querySelector(${JSON.stringify(selector)}).focus()`);
      await driver.actions().keyDown(Key.ENTER).keyUp(Key.ENTER).perform();
    },
    async popupFrom(action) {
      const before = await driver.getAllWindowHandles();
      await action();
      let handle: string | undefined;
      await until(
        async () => !!(handle = (await driver.getAllWindowHandles()).find((h) => !before.includes(h))),
        10_000,
        'a popup window',
      );
      return popupOf(handle!);
    },
    windowCount: async () => (await driver.getAllWindowHandles()).length,
    async closeOthers() {
      for (const handle of await driver.getAllWindowHandles())
        if (handle != main) {
          await driver.switchTo().window(handle);
          await driver.close();
        }
      await driver.switchTo().window(main);
    },
    async quit() {
      await driver.quit().catch(() => {});
      server.kill();
      xvfb.process.kill();
    },
  };
}
