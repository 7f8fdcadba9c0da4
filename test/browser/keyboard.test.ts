import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { innerButton } from './a11y-helpers.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, oneEvent, popupsPerTest, recordEvents } from './helpers.js';

// contract §2: keyboard use, and focus that stays where the person is — when the site disables the
// focused button, and after every outcome.

const popups = popupsPerTest();

/** A page button before the element, so that Tab has somewhere to come from. */
function before(): HTMLButtonElement {
  const start = document.createElement('button');
  start.textContent = 'Before';
  document.body.prepend(start);
  start.focus();
  return start;
}

const hasFocus = (el: LoginButton) => document.activeElement == el && el.shadowRoot!.activeElement == innerButton(el);

const element = (authorize: string) =>
  fixture<LoginButton>('belladati-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': authorize, 'exchange-endpoint': EXCHANGE, mode: 'popup' });

describe('keyboard and focus', () => {
  it('Tab reaches the button; Enter logs in (a real popup); focus is on the button after the success', async () => {
    const el = await element(AUTHORIZE);
    before();
    await sendKeys({ press: 'Tab' });
    expect(hasFocus(el)).to.equal(true);
    expect(innerButton(el).matches(':focus-visible')).to.equal(true);
    const success = oneEvent(el, 'login-success');
    await sendKeys({ press: 'Enter' });
    await success;
    expect(popups.opened).to.have.length(1);
    expect(hasFocus(el)).to.equal(true);
  });

  it('Space logs in; focus is on the button after an error (denied) and after a cancel', async () => {
    const el = await element(`${AUTHORIZE}?deny`);
    before();
    await sendKeys({ press: 'Tab' });
    const error = oneEvent(el, 'login-error');
    await sendKeys({ press: 'Space' });
    await error;
    expect(popups.opened).to.have.length(1);
    expect(hasFocus(el)).to.equal(true);

    el.setAttribute('authorize-endpoint', `${AUTHORIZE}?hold`);
    await sendKeys({ press: 'Space' });
    expect(el.busy).to.equal(true);
    const cancel = oneEvent(el, 'login-cancel');
    el.cancel();
    await cancel;
    expect(hasFocus(el)).to.equal(true);
  });

  it('a focused button the site disables keeps focus, refuses Enter and Space, and Tab moves on', async () => {
    const el = await element(AUTHORIZE);
    before();
    const after = document.createElement('button');
    after.textContent = 'After';
    document.body.append(after);
    await sendKeys({ press: 'Tab' });
    expect(hasFocus(el)).to.equal(true);
    const events = recordEvents(el);

    el.disabled = true;
    await el.updateComplete;
    expect(hasFocus(el), 'focus stays on the disabled button').to.equal(true);
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(innerButton(el).getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    el.click();
    // A flow starts (login-start) within the click or not at all: nothing can come later.
    expect(events).to.deep.equal([]);
    expect(popups.opened).to.have.length(0);

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await el.updateComplete;
    // Once focus has left, the button is disabled for real: Tab skips it.
    expect(innerButton(el).disabled).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement!.textContent).to.equal('Before');
  });
});
