import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import type { LoginCancelDetail } from '../../src/core/types.js';
import { innerButton, statusOf } from './a11y-helpers.js';
import { CALLBACK, fixture, oneEvent, popupsPerTest, realClick, SEEN_MS, sleep, until } from './helpers.js';

// Issue 23: a redirect URI the provider does not know makes the provider show its own error page, and
// nothing ever comes back. While the popup is open the status says where to look and that closing the
// window cancels; closing it cancels at once and the button is usable again.

const popups = popupsPerTest();
// Another origin (the same test server under the name "localhost"), as a real provider is.
const PROVIDER = `http://localhost:${location.port}/fixtures/authorize?unregistered`;

const STATUS = {
  en: 'Continue in the Corp ID window — close it to cancel.',
  ko: 'Corp ID 창에서 계속하세요. 창을 닫으면 취소됩니다.',
  ja: 'Corp ID のウィンドウで続けてください。閉じるとキャンセルします。',
};

const button = (lang = 'en') =>
  fixture<LoginButton>('oauth-login', { lang, 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': PROVIDER, mode: 'popup', provider: 'corp', 'provider-label': 'Corp ID' });

/** The popup shows the provider's (cross-origin) page: its location can no longer be read. */
const atProvider = (popup: Window | null | undefined) => {
  try {
    return !!popup && popup.location.href != 'about:blank';
  } catch {
    return true;
  }
};

describe('a provider that shows its own error page', () => {
  it('while it is open the status says where to look; closing the window cancels within 2 s and the button works again', async () => {
    const el = await button();
    // Narrow: the busy label would wrap here; it stays one line, so the button keeps its height.
    el.style.width = '220px';
    await el.updateComplete;
    const idleHeight = innerButton(el).getBoundingClientRect().height;
    await realClick(el);
    await until(() => atProvider(popups.opened[0]), 5000, "the provider's error page");
    await el.updateComplete;
    expect(el.busy).to.equal(true);
    expect(statusOf(el).textContent).to.equal(STATUS.en);
    expect(statusOf(el).className, 'shown, not only announced').to.equal('status');
    expect(statusOf(el).getBoundingClientRect().height).to.be.greaterThan(5);
    expect(innerButton(el).getBoundingClientRect().height, 'busy label on one line').to.equal(idleHeight);

    // A person reads the error for a moment, then closes the window.
    await sleep(SEEN_MS);
    const cancelled = oneEvent<LoginCancelDetail>(el, 'login-cancel', 2000);
    const closedAt = performance.now();
    popups.opened[0]!.close();
    const { detail } = await cancelled;
    expect(performance.now() - closedAt).to.be.below(2000);
    expect(detail).to.deep.equal({ provider: 'corp', mode: 'popup', reason: 'popup_closed' });
    await el.updateComplete;
    expect([el.busy, innerButton(el).getAttribute('aria-busy'), statusOf(el).textContent]).to.deep.equal([false, 'false', 'Login cancelled.']);

    // Usable: the next click opens a window again.
    await realClick(el);
    await until(() => popups.opened.length == 2 && atProvider(popups.opened[1]), 5000, 'a second window');
    expect(el.busy).to.equal(true);
    el.cancel();
  });

  for (const lang of ['ko', 'ja'] as const)
    it(`the status in ${lang}`, async () => {
      const el = await button(lang);
      await until(() => el.shadowRoot!.querySelector('slot:not([name]) span')!.getAttribute('lang') == lang, 5000, `${lang} texts`);
      await realClick(el);
      await until(() => statusOf(el).textContent == STATUS[lang], 3000, `the ${lang} status`);
      expect(statusOf(el).getAttribute('lang')).to.equal(lang);
      el.cancel();
    });
});
