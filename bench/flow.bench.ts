/**
 * `npm run bench` — a benchmark, not a test. Time from the click to `login-success` in real Chromium
 * against the demo's stand-ins, with the stand-in's Approve click automated, for popup and redirect
 * mode: median and p95 over RUNS runs each. Times are taken in Node around Playwright's actions, so
 * they include its round trips (a few ms).
 */
import { startDemo } from '../demo/server.js';
import { launchChromium } from '../test/e2e/support.js';

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
await browser.close();
await demo.close();
