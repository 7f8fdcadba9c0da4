// The click's fast path (docs/decisions.md, 22 and 36): with the parts readied ahead (warm.ts), the
// popup opens at the provider in the same task as the click. One `await` added between the click and
// window.open would open it later (slower every login, and blocked once the click's activation is
// spent): the first test fails on any await (even one microtask: it counts right after el.click()
// returns), the second on a wait for another task (the count at the end of the real click's dispatch).
import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { takeReadied, warmCallback, whenReadied } from '../../src/core/warm.js';
import { AUTHORIZE, CALLBACK, consumeActivation, oneEvent, popupLogin, realClick } from './helpers.js';

/** Records each window.open call (the URL it was given) and the windows it returned, closed after the test. */
function recordOpens() {
  const original = window.open;
  const urls: string[] = [];
  const windows: (Window | null)[] = [];
  window.open = function (...args: Parameters<typeof window.open>) {
    urls.push(String(args[0] ?? ''));
    const popup = original.apply(window, args);
    windows.push(popup);
    return popup;
  };
  return {
    urls,
    restore: () => {
      window.open = original;
      for (const popup of windows) popup?.close();
    },
  };
}

/** How many windows were opened by the time the click's own dispatch ended (a listener on window runs last). */
function opensAtClickEnd(opens: { urls: string[] }): Promise<number> {
  return new Promise((resolve) => addEventListener('click', () => resolve(opens.urls.length), { once: true }));
}

describe('the click fast path in Chromium', () => {
  let opens: ReturnType<typeof recordOpens>;
  beforeEach(() => {
    consumeActivation();
    opens = recordOpens();
  });
  afterEach(() => {
    opens.restore();
    document.body.replaceChildren();
  });

  it('readied: window.open is called within el.click(), at the authorize URL itself', async () => {
    const el = await popupLogin();
    warmCallback(CALLBACK);
    await whenReadied();
    const error = oneEvent(el, 'login-error'); // a synthetic click has no activation: the popup is blocked
    el.click();
    // Counted synchronously after click() returned: nothing in between may wait for anything.
    expect(opens.urls).to.have.length(1);
    expect(new URL(opens.urls[0]!).pathname).to.equal(AUTHORIZE);
    expect(new URL(opens.urls[0]!).searchParams.get('code_challenge')).to.match(/^[\w-]{43}$/);
    await error;
  });

  it('readied: a real click opens the popup straight at the provider in its own task, and the login succeeds', async () => {
    const el = await popupLogin();
    warmCallback(CALLBACK);
    await whenReadied();
    const success = oneEvent(el, 'login-success');
    const atClickEnd = opensAtClickEnd(opens);
    await realClick(el);
    expect(await atClickEnd).to.equal(1);
    expect(new URL(opens.urls[0]!).pathname).to.equal(AUTHORIZE);
    await success;
  });

  it('not readied (clicked before the page warmed up): a blank popup in the click, navigated after, and the login succeeds', async () => {
    const el = await popupLogin();
    // Emptied as the click begins (capture, before the element): the element's own warm-up may refill it meanwhile.
    addEventListener('click', () => takeReadied(), { capture: true, once: true });
    const success = oneEvent(el, 'login-success');
    const atClickEnd = opensAtClickEnd(opens);
    await realClick(el);
    expect(await atClickEnd).to.equal(1);
    expect(opens.urls[0]).to.equal('');
    await success;
  });
});
