/**
 * The signed-in states of `<login-session>` for `npm run screenshots` (scripts/screenshots.ts): every
 * theme × size with a picture, initials and the provider-label fallback, in English, Korean and
 * Japanese, in a light and a dark page (docs/signed-in-{light,dark}.png); and a 390 px phone with the
 * compact header form above the login buttons on a dark card (docs/signed-in-phone-{light,dark}.png).
 * The page and its session endpoints are served by Playwright's request routing: no server to start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

const ORIGIN = 'http://screenshots.test';
const PICTURE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#8ab4f8"/><circle cx="20" cy="16" r="7" fill="#1a3d7c"/><path d="M6 40c2-9 8-13 14-13s12 4 14 13Z" fill="#1a3d7c"/></svg>',
)}`;
/** The sessions the page's endpoints answer, by endpoint name. */
const SESSIONS: Record<string, { provider: string; user: Record<string, string> }> = {
  picture: { provider: 'corp', user: { id: 'corp-1', name: 'Ada Lovelace', picture: PICTURE } },
  initials: { provider: 'corp', user: { id: 'corp-2', name: 'Grace Hopper', email: 'grace@example.com' } },
  email: { provider: 'upbond', user: { id: 'upbond-3', email: 'minsu.kim@example.com' } },
  bbaton: { provider: 'bbaton', user: { id: 'bbaton-7f3a9c' } },
  corp: { provider: 'corp', user: { id: 'corp-9' } },
};
const PAGES = { light: '#f6f7f9', dark: '#0f1115' } as const;
type Scheme = keyof typeof PAGES;

/** Whether fontconfig knows a font for both Korean and Japanese. */
function hasCjkFont(): boolean {
  try {
    return !!(execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim() && execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim());
  } catch {
    return false; // no fontconfig: no font it knows
  }
}

/**
 * Makes sure Korean and Japanese render as letters, not boxes: without a CJK font, installs Debian's
 * `fonts-noto-cjk` where it can (root, apt-get); otherwise throws, saying what to install. Screenshots
 * with boxes in them are never written.
 */
export function ensureCjkFont(): void {
  if (hasCjkFont()) return;
  const apt = '/usr/bin/apt-get';
  if (existsSync(apt) && process.getuid?.() === 0) {
    console.log('No Korean/Japanese font: installing fonts-noto-cjk (Debian) …');
    const options = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
    execFileSync(apt, ['update'], options);
    execFileSync(apt, ['install', '-y', '--no-install-recommends', 'fonts-noto-cjk'], options);
    if (hasCjkFont()) return;
  }
  throw new Error('No Korean/Japanese font found, so those rows would show boxes. Install one (Debian/Ubuntu: `apt-get install fonts-noto-cjk`) and run again.');
}

const session = (name: string, attributes = '') => `<login-session endpoint="/s/${name}" ${attributes}></login-session>`;

function sheet(): string {
  const themes = ['filled', 'outline', 'neutral'];
  const rows = themes.flatMap((theme) =>
    ['large', 'small'].map(
      (size) => `<tr><th>theme="${theme}" size="${size}"</th>${['picture', 'initials', 'email', 'bbaton'].map((name) => `<td>${session(name, `theme="${theme}" size="${size}"`)}</td>`).join('')}</tr>`,
    ),
  );
  const languages = [
    ['English', 'en'],
    ['한국어', 'ko'],
    ['日本語', 'ja'],
  ].map(([title, lang]) => `<tr lang="${lang}"><th>${title}</th>${['initials', 'corp', 'bbaton'].map((name) => `<td>${session(name, 'theme="outline"')}</td>`).join('')}<td>${session('initials', 'size="small"')}</td></tr>`);
  return `<table><tr><th></th><th>picture</th><th>initials</th><th>email only</th><th>no name or email</th></tr>${rows.join('')}${languages.join('')}</table>`;
}

function phone(): string {
  return `<header class="bar"><strong>Example</strong>${session('initials', 'size="small" theme="neutral"')}</header>
<section class="card"><h2>Log in with…</h2><div class="stack">
<bbaton-login client-id="c" redirect-uri="/cb"></bbaton-login><belladati-login client-id="c" redirect-uri="/cb"></belladati-login>
<upbond-login client-id="c" redirect-uri="/cb"></upbond-login><bitbadges-login client-id="c" redirect-uri="/cb"></bitbadges-login>
<oauth-login client-id="c" redirect-uri="/cb" provider-label="OpenID Connect" authorize-endpoint="https://idp.example/authorize"></oauth-login></div></section>
<section class="card"><h2>Account</h2>${session('picture')}</section>`;
}

const pageHtml = (scheme: Scheme, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { color-scheme: ${scheme}; background: ${PAGES[scheme]}; color: ${scheme == 'light' ? '#15171a' : '#e8eaed'}; font: 13px system-ui, sans-serif; }
  body { margin: 16px; }
  th { font-weight: 500; text-align: left; padding: 4px 8px; white-space: nowrap; }
  td { padding: 6px 8px; vertical-align: middle; }
  td > * { width: max-content; }
  .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 0 16px; }
  .card { background: ${scheme == 'light' ? '#fff' : '#181b21'}; border: 1px solid ${scheme == 'light' ? '#d9dde3' : '#2b3038'}; border-radius: 12px; padding: 12px; margin-bottom: 12px; }
  .card h2 { font-size: 15px; margin: 0 0 10px; }
  .stack { display: grid; gap: 10px; }
</style><script type="module" src="/login-elements.js"></script></head><body>${body}</body></html>`;

/** Serves the page, the CDN bundle and the session endpoints to `page`. */
async function serve(page: Page, html: string): Promise<void> {
  const bundle = readFileSync('dist/cdn/login-elements.js', 'utf8');
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const [, , name, what] = pathname.split('/');
    if (pathname == '/') return route.fulfill({ contentType: 'text/html', body: html });
    if (pathname == '/login-elements.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    // The module's on-demand chunks, beside it.
    if (/^\/login-elements-[\w-]+\.js$/.test(pathname)) return route.fulfill({ contentType: 'text/javascript', path: `dist/cdn${pathname}` });
    if (what == 'session') return route.fulfill({ json: { ...SESSIONS[name!], expiresAt: Date.now() + 3_600_000 } });
    if (what == 'providers') return route.fulfill({ json: { providers: [{ key: 'corp', type: 'oauth', label: 'Corp ID' }] } });
    return route.fulfill({ status: 404, body: '' });
  });
}

/** Loads `html` and waits until every <login-session> shows its signed-in content and any picture. */
async function show(page: Page, html: string): Promise<void> {
  await serve(page, html);
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => [...document.querySelectorAll('login-session')].every((el) => el.getAttribute('state') == 'signed-in'));
  // The provider label arrives with the list; pictures decode.
  await page.waitForFunction(() => [...document.querySelectorAll('login-session')].every((el) => !el.shadowRoot!.textContent!.includes('with corp')));
  await page.evaluate(() => Promise.all([...document.querySelectorAll('login-session')].flatMap((el) => [...el.shadowRoot!.querySelectorAll('img')].map((img) => img.decode().catch(() => {})))));
}

export async function sessionScreenshots(browser: Browser): Promise<string[]> {
  const written: string[] = [];
  for (const scheme of Object.keys(PAGES) as Scheme[]) {
    const wide = await browser.newContext({ colorScheme: scheme, deviceScaleFactor: 1, viewport: { width: 1100, height: 600 } });
    const tab = await wide.newPage();
    await show(tab, pageHtml(scheme, sheet()));
    await tab.locator('table').screenshot({ path: `docs/signed-in-${scheme}.png` });
    written.push(`docs/signed-in-${scheme}.png`);
    await wide.close();

    const narrow = await browser.newContext({ colorScheme: scheme, deviceScaleFactor: 2, viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true });
    const small = await narrow.newPage();
    await show(small, pageHtml(scheme, phone()));
    await small.screenshot({ path: `docs/signed-in-phone-${scheme}.png`, fullPage: true });
    written.push(`docs/signed-in-phone-${scheme}.png`);
    await narrow.close();
  }
  return written;
}
