/**
 * `npm run bench` — a benchmark, not a test. Run `npm run build` first (it times the CDN files).
 * 1. Time from the click to `login-success` in real Chromium against the demo's stand-ins, with the
 *    stand-in's Approve click automated, for popup and redirect mode: median and p95 over RUNS runs
 *    each. Times are taken in Node around Playwright's actions, so they include its round trips.
 * 2. The same login against oidc-client-ts 3.5 in the same browser (bench/callback-race.ts), ours in
 *    both forms (attributes on the element; `endpoint`, its settings from `GET /served/providers`,
 *    compared with the attribute form exchanging at the same instant endpoint):
 *    interleaved rounds, one instant provider, real clicks, fresh profiles; the ratios of the medians
 *    are what the callback costs us against it (target ≤ 1.0×) and what the endpoint form costs
 *    against the attribute form (target ≤ 1.0×).
 */
import { startDemo } from '../demo/server.js';
import { launchChromium } from '../test/e2e/support.js';
import { startSite, timeOne } from './callback-race.js';

const RUNS = Number(process.env.RUNS) || 20;
const PROVIDERS = ['bbaton', 'corp'];

const demo = await startDemo({ quiet: true });
const browser = await launchChromium();
const rows: string[] = [];

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
};

for (const key of PROVIDERS) {
  for (const mode of ['popup', 'redirect'] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      // A fresh browser profile each run: no provider session to skip the login page.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(demo.url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.click(`#mode label:has(input[value="${mode}"])`);
      const start = performance.now();
      if (mode === 'popup') {
        const popup = page.waitForEvent('popup');
        await page.click(`#buttons [data-key="${key}"]`);
        await (await popup).click('#approve');
      } else {
        await page.click(`#buttons [data-key="${key}"]`);
        await page.click('#approve');
        await page.waitForURL(/\/demo\/$/);
      }
      await page.waitForFunction((p) => window.demoEvents?.some((e) => e.type === 'login-success' && e.detail.provider === p), key);
      // The first two runs warm up Vite's transforms and the JIT.
      if (run >= 2) times.push(performance.now() - start);
      await context.close();
    }
    const { median, p95 } = stats(times);
    rows.push(`| ${key} | ${mode} | ${RUNS} | ${median.toFixed(0)} | ${p95.toFixed(0)} |`);
  }
}

console.log('| provider | mode | runs | median ms (click → login-success) | p95 ms |\n| --- | --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
await demo.close();

const site = await startSite();
// Ours in both forms (attributes; `endpoint`, configured on the server) and oidc-client-ts.
// Ours in both forms with the same exchange (attributes + exchange-endpoint; endpoint), to compare them.
const pages = ['ours', 'exchange', 'endpoint', 'oidc'] as const;
const times: Record<(typeof pages)[number], number[]> = { ours: [], exchange: [], endpoint: [], oidc: [] };
for (let round = 0; round < RUNS + 2; round++) {
  // Interleaved, each going first in turn, so that drift of the machine hits all alike.
  const order = pages.map((_, i) => pages[(i + round) % pages.length]!);
  const took: Record<string, number> = {};
  for (const page of order) took[page] = await timeOne(browser, site.origin, page);
  // The first two rounds warm up the browser and the JIT.
  if (round >= 2) for (const page of pages) times[page].push(took[page]!);
}
const [a, x, e, b] = [stats(times.ours), stats(times.exchange), stats(times.endpoint), stats(times.oidc)];
console.log('\n| login (instant provider, fresh profile) | rounds | median ms | p95 ms |\n| --- | ---: | ---: | ---: |');
console.log(`| login-elements, attributes: click → login-success | ${RUNS} | ${a.median.toFixed(0)} | ${a.p95.toFixed(0)} |`);
console.log(`| login-elements, attributes + exchange-endpoint: click → login-success | ${RUNS} | ${x.median.toFixed(0)} | ${x.p95.toFixed(0)} |`);
console.log(`| login-elements, endpoint (settings from /providers, same exchange): click → login-success | ${RUNS} | ${e.median.toFixed(0)} | ${e.p95.toFixed(0)} |`);
console.log(`| oidc-client-ts 3.5: click → callback message | ${RUNS} | ${b.median.toFixed(0)} | ${b.p95.toFixed(0)} |`);
// Rounds ran back to back, so a round's ratio cancels most of what the machine was doing meanwhile.
const ratio = (x: number[], y: number[]) => stats(x.map((t, i) => t / y[i]!)).median.toFixed(2);
console.log(`\nattributes vs oidc-client-ts: ratio of medians ${(a.median / b.median).toFixed(2)}×, median ratio within a round ${ratio(times.ours, times.oidc)}× (target ≤ 1.00×)`);
console.log(`endpoint vs oidc-client-ts: ratio of medians ${(e.median / b.median).toFixed(2)}×, median ratio within a round ${ratio(times.endpoint, times.oidc)}×`);
console.log(`endpoint vs attributes, both exchanging: ratio of medians ${(e.median / x.median).toFixed(2)}×, median ratio within a round ${ratio(times.endpoint, times.exchange)}× (target ≤ 1.00×)`);
site.server.close();
await browser.close();
