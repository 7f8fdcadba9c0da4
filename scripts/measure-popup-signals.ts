/**
 * What each engine lets an opener observe of its popup — the measurements behind the "closed or cut
 * off" decision in docs/decisions.md. For Chromium, Firefox ESR and WebKitGTK, with and without
 * Cross-Origin-Opener-Policy: same-origin on the opener: open a popup on a click, send it to a
 * cross-origin "provider", close it after 2 s as a user would, and log every change of
 * `popup.closed`, `document.hasFocus()`, whether the popup shows a document of its own, and
 * `visibilityState`. Run: `npx tsx scripts/measure-popup-signals.ts [chromium|firefox|webkit]…`
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../test/engines/drivers/engine.js';
import { launchChromiumEngine } from '../test/engines/drivers/chromium.js';
import { launchFirefox } from '../test/engines/drivers/firefox.js';
import { launchWebKit } from '../test/engines/drivers/webkit.js';

const opener = `<!doctype html><button id="open" style="font-size:2rem">open</button><script>
window.log = [];
const t0 = performance.now();
const note = (what) => log.push(Math.round(performance.now() - t0) + ' ms ' + what);
addEventListener('focus', () => note('focus event'));
addEventListener('blur', () => note('blur event'));
document.getElementById('open').onclick = () => {
  const popup = open('about:blank', 'measure', 'width=400,height=400');
  note('opened; page focused: ' + document.hasFocus());
  setTimeout(() => { popup.location.href = location.href.replace('127.0.0.1', 'localhost').replace(/\\/opener.*/, '/provider'); note('navigated'); }, 50);
  let last = '';
  setInterval(() => {
    let shows; try { shows = popup.location.href != 'about:blank'; } catch { shows = 'cross-origin'; }
    const now = 'closed=' + popup.closed + ' focus=' + document.hasFocus() + ' document=' + shows + ' ' + document.visibilityState;
    if (now != last) note(last = now);
  }, 25);
};
</script>`;

const server = createServer((req, res) => {
  if (req.url?.includes('coop')) res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('content-type', 'text/html');
  res.end(req.url?.startsWith('/opener') ? opener : '<!doctype html><p>provider</p>');
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

const launchers: Record<string, () => Promise<Engine>> = { chromium: launchChromiumEngine, firefox: launchFirefox, webkit: launchWebKit };
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(launchers)) {
  const engine = await launchers[name]!();
  try {
    for (const coop of [false, true]) {
      await engine.closeOthers();
      await engine.goto(`http://127.0.0.1:${port}/opener${coop ? '?coop' : ''}`);
      const popup = await engine.popupFrom(() => engine.click('#open'));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await engine.run(`log.push('— the user closes the popup —')`);
      await popup.close().catch((error: Error) => engine.run(`log.push(${JSON.stringify('(driver could not close it: ' + error.message.slice(0, 60) + ')')})`));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      console.log(`\n${name}, ${coop ? 'COOP same-origin' : 'no COOP'}:\n  ` + (await engine.run<string[]>('log')).join('\n  '));
    }
  } finally {
    await engine.quit();
  }
}
server.close();
