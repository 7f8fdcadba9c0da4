import { expect } from '@esm-bundle/chai';
import type { LoginButton } from '../../src/elements/login-button.js';
import type { LoginSession } from '../../src/elements/login-session.js';
import type { LoginErrorDetail } from '../../src/core/types.js';
import { oneEvent, until } from './helpers.js';

const TAGS = ['oauth-login', 'bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login'];

describe('Lit SSR output hydrates', () => {
  it('all five server-rendered elements hydrate their declarative shadow roots without errors, and work', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/fixtures/ssr';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { errors: string[]; customElements: CustomElementRegistry };
    const doc = frame.contentDocument!;
    // Server-rendered: every element arrived with its shadow root already in the HTML.
    for (const tag of TAGS) expect(doc.querySelector(tag)!.shadowRoot, tag).to.not.equal(null);
    await until(() => TAGS.every((tag) => !!win.customElements.get(tag)), 5000, 'the elements to be defined: ' + JSON.stringify(win.errors));
    const elements = TAGS.map((tag) => doc.querySelector(tag) as LoginButton);
    await Promise.all(elements.map((el) => el.updateComplete));
    for (const el of elements) {
      expect(el.shadowRoot!.querySelectorAll('button'), el.localName).to.have.length(1);
      expect(el.clientId).to.equal('ssr-client');
    }
    expect(elements[1]!.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Log in with BBaton');
    expect(win.errors).to.deep.equal([]);
    // Hydrated and live: a click without user activation is a blocked popup in popup mode.
    const error = oneEvent<LoginErrorDetail>(elements[0]!, 'login-error');
    elements[0]!.click();
    expect((await error).detail.error).to.equal('popup_blocked');
    frame.remove();
  });

  it('<login-session> arrives empty (its signed-out child hidden before any script), hydrates and shows the state it reads', async () => {
    const control = (body: object) => fetch('/fixtures/sess/ssr-hydration/control', { method: 'POST', body: JSON.stringify(body) });
    await control({ hold: true });
    const frame = document.createElement('iframe');
    frame.src = '/fixtures/ssr';
    document.body.append(frame);
    // As soon as it is parsed (hydrated or not, the endpoint has not answered yet: the fixture holds it).
    await until(() => !!frame.contentDocument?.querySelector('#ssr-out'), 10_000, 'the SSR page');
    const doc = frame.contentDocument!;
    const el = doc.querySelector('login-session') as LoginSession;
    expect(el.shadowRoot).to.not.equal(null);
    expect(doc.querySelector('#ssr-out')!.checkVisibility()).to.equal(false);
    const win = frame.contentWindow as Window & { errors: string[] };
    await control({ hold: false });
    await until(() => el.state == 'signed-out', 10_000, 'signed out after hydration: ' + JSON.stringify(win.errors));
    await el.updateComplete;
    expect(doc.querySelector('#ssr-out')!.checkVisibility()).to.equal(true);
    expect(win.errors).to.deep.equal([]);
    frame.remove();
  });
});
