/**
 * `npm run screenshots` (after `npm run build`): contact sheets of every element in every theme × size
 * × shape (standard and icon), in a light and a dark page — the first five in appearance-*.png, the six
 * big providers' (issue 24) in providers-*.png — plus one of the states and languages, into
 * docs/; and `<login-session>`'s signed-in states (screenshots-session.ts). Korean and Japanese need a
 * CJK font: run as root, it installs Debian's `fonts-noto-cjk` when there is none, and otherwise stops
 * saying so. Renders the built CDN bundle in the system Chromium; not part of `npm test`.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/chromium-args.js';
import { ensureCjkFont, sessionScreenshots } from './screenshots-session.js';

const FIRST_TAGS = ['bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login', 'oauth-login'];
const SOCIAL_TAGS = ['google-login', 'github-login', 'microsoft-login', 'kakao-login', 'naver-login', 'line-login'];
const TAGS = [...FIRST_TAGS, ...SOCIAL_TAGS];
const THEMES = ['filled', 'outline', 'neutral'];
const SIZES = ['large', 'medium', 'small'];
const PAGES = { light: '#f6f7f9', dark: '#0f1115' } as const;

const cell = (tag: string, attributes: string) => `<td><${tag} client-id="c" redirect-uri="/cb" ${tag == 'oauth-login' ? 'provider-label="Corp ID" ' : ''}${attributes}></${tag}></td>`;

function sheet(tags: string[]): string {
  const head = SIZES.flatMap((size) => [`${size} rectangular`, `${size} pill`]).concat(SIZES.flatMap((size) => [`${size} icon square`, `icon circle`]));
  const rows = tags.flatMap((tag) =>
    THEMES.map((theme) => {
      const standard = SIZES.flatMap((size) => ['rectangular', 'pill'].map((shape) => cell(tag, `theme="${theme}" size="${size}" shape="${shape}"`)));
      const icons = SIZES.flatMap((size) => ['square', 'circle'].map((shape) => cell(tag, `theme="${theme}" size="${size}" shape="${shape}" type="icon"`)));
      return `<tr><th>&lt;${tag}&gt; ${theme}</th>${standard.join('')}${icons.join('')}</tr>`;
    }),
  );
  return `<table><tr><th></th>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function states(): string {
  const row = (title: string, attributes: string, lang = 'en') =>
    `<tr lang="${lang}"><th>${title}</th>${TAGS.map((tag) => cell(tag, attributes)).join('')}</tr>`;
  return `<table>${[
    row('idle', ''),
    row('focused', 'data-focus'),
    row('busy', 'data-busy'),
    row('disabled', 'disabled'),
    row('after an error', 'data-error'),
    row('text="continue_with", logo-alignment="center"', 'text="continue_with" logo-alignment="center"'),
    row('한국어 (lang="ko")', '', 'ko'),
    row('日本語 (lang="ja")', 'theme="outline"', 'ja'),
  ].join('')}</table>`;
}

/** The sheets' origin, served by routing (the CDN module loads each element's chunk beside itself). */
const ORIGIN = 'http://sheets.test';

const page = (scheme: keyof typeof PAGES, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>
  :root { color-scheme: ${scheme}; background: ${PAGES[scheme]}; color: ${scheme == 'light' ? '#15171a' : '#e8eaed'}; font: 13px system-ui, sans-serif; }
  body { margin: 16px; display: inline-block; }
  th { font-weight: 500; text-align: left; padding: 4px 8px; white-space: nowrap; }
  td { padding: 6px 8px; vertical-align: top; }
  td > * { width: max-content; }
</style><script type="module" src="/login-elements.js"></script></head><body>${body}</body></html>`;

ensureCjkFont();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const scheme of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
    const context = await browser.newContext({ colorScheme: scheme, deviceScaleFactor: 1, viewport: { width: 800, height: 600 } });
    const tab = await context.newPage();
    for (const [name, body] of [
      ['appearance', sheet(FIRST_TAGS)],
      ['providers', sheet(SOCIAL_TAGS)],
      ['states', states()],
    ] as const) {
      await tab.unrouteAll();
      await tab.route(`${ORIGIN}/**`, (route) => {
        const { pathname } = new URL(route.request().url());
        if (pathname == '/') return route.fulfill({ contentType: 'text/html', body: page(scheme, body) });
        if (/^\/login-elements[\w-]*\.js$/.test(pathname)) return route.fulfill({ contentType: 'text/javascript', path: `dist/cdn${pathname}` });
        return route.fulfill({ status: 404, body: '' });
      });
      await tab.goto(`${ORIGIN}/`);
      // The CDN module defines each element when its tag appears (one chunk per provider).
      await tab.evaluate((tags) => Promise.all(tags.filter((tag) => document.querySelector(tag)).map((tag) => customElements.whenDefined(tag))), TAGS);
      await tab.evaluate(async () => {
        type Button = HTMLElement & { updateComplete: Promise<unknown>; busy: boolean; login(): Promise<unknown> };
        for (const el of document.querySelectorAll<Button>('[data-busy]')) el.busy = true;
        // An error the way a page sees one: a missing authorize-endpoint on <oauth-login>, a bad URL elsewhere.
        for (const el of document.querySelectorAll<Button>('[data-error]')) {
          el.setAttribute('redirect-uri', 'javascript:alert(1)');
          await el.login().catch(() => {});
        }
        await Promise.all([...document.querySelectorAll<Button>('td > *')].map((el) => el.updateComplete));
      });
      // One element can have focus at a time: the row's first shows the ring.
      const focus = tab.locator('[data-focus]').first();
      if (await focus.count()) await focus.focus();
      await tab.locator('body').screenshot({ path: `docs/${name}-${scheme}.png` });
    }
    await context.close();
  }
  console.log(`${(await sessionScreenshots(browser)).join(', ')} written`);
} finally {
  await browser.close();
}
console.log('docs/appearance-{light,dark}.png, docs/providers-{light,dark}.png, docs/states-{light,dark}.png written');
