/**
 * `npm run bench` — a benchmark, not a test. Run `npm run build` first (it times the CDN files).
 * 1. Time from the click to `login-success` in real Chromium against the demo's stand-ins, with the
 *    stand-in's Approve click automated, for popup and redirect mode: median and p95 over RUNS runs
 *    each. Times are taken in Node around Playwright's actions, so they include its round trips.
 * 2. The same login against oidc-client-ts 3.5 in the same browser (bench/callback-race.ts):
 *    interleaved pairs, one instant provider, real clicks, fresh profiles; the ratio of the medians
 *    is what the callback costs us against it (target ≤ 1.0×).
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
const ours: number[] = [];
const theirs: number[] = [];
for (let pair = 0; pair < RUNS + 2; pair++) {
  // Interleaved, each going first every other pair, so that drift of the machine hits both alike.
  const order = pair % 2 ? (['oidc', 'ours'] as const) : (['ours', 'oidc'] as const);
  const times: Record<string, number> = {};
  for (const page of order) times[page] = await timeOne(browser, site.origin, page);
  // The first two pairs warm up the browser and the JIT.
  if (pair >= 2) {
    ours.push(times.ours!);
    theirs.push(times.oidc!);
  }
}
const a = stats(ours);
const b = stats(theirs);
console.log('\n| login (instant provider, fresh profile) | pairs | median ms | p95 ms |\n| --- | ---: | ---: | ---: |');
console.log(`| login-elements: click → login-success | ${RUNS} | ${a.median.toFixed(0)} | ${a.p95.toFixed(0)} |`);
console.log(`| oidc-client-ts 3.5: click → callback message | ${RUNS} | ${b.median.toFixed(0)} | ${b.p95.toFixed(0)} |`);
// Pairs ran back to back, so a pair's ratio cancels most of what the machine was doing meanwhile.
const pairRatio = stats(ours.map((t, i) => t / theirs[i]!)).median;
console.log(`\nratio of medians: ${(a.median / b.median).toFixed(2)}×; median ratio within a pair: ${pairRatio.toFixed(2)}× (target ≤ 1.00×)`);
site.server.close();
await browser.close();
