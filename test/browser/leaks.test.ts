import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, consumeActivation, firstEvent, fixture, realClick, until } from './helpers.js';

/** Counts message listeners, intervals and BroadcastChannels that are open right now. */
function instrument() {
  const live = { message: new Set<unknown>(), intervals: new Set<unknown>(), channels: new Set<BroadcastChannel>() };
  const { addEventListener: add, removeEventListener: remove, setInterval: every, clearInterval: clear } = window;
  window.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (type === 'message') live.message.add(listener);
    return add.call(window, type, listener, options);
  } as typeof window.addEventListener;
  window.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
    if (type === 'message') live.message.delete(listener);
    return remove.call(window, type, listener, options);
  } as typeof window.removeEventListener;
  window.setInterval = ((handler: TimerHandler, ms?: number) => {
    const id = every(handler, ms);
    live.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    live.intervals.delete(id);
    clear(id);
  }) as typeof window.clearInterval;
  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    constructor(name: string) {
      super(name);
      live.channels.add(this);
    }
    override close() {
      live.channels.delete(this);
      super.close();
    }
  };
  const restore = () => Object.assign(window, { addEventListener: add, removeEventListener: remove, setInterval: every, clearInterval: clear, BroadcastChannel: Channel });
  return { live, restore };
}

describe('cleanup', () => {
  it('leaves no message listener, interval or channel behind after 20 flows of every outcome', async function (this: Mocha.Context) {
    this.timeout(120_000);
    const { live, restore } = instrument();
    try {
      const el = await fixture<OauthLogin>('oauth-login', {
        'client-id': 'c',
        'redirect-uri': CALLBACK,
        'authorize-endpoint': AUTHORIZE,
        'exchange-endpoint': EXCHANGE,
        mode: 'popup',
      });
      const held = new URL(`${AUTHORIZE}?hold`, location.href).href;
      for (let i = 0; i < 20; i++) {
        consumeActivation();
        const outcome = i % 4; // success, deny, cancel(), timeout
        el.authorizeEndpoint = outcome === 1 ? `${AUTHORIZE}?deny` : outcome >= 2 ? held : AUTHORIZE;
        el.timeout = outcome === 3 ? 400 : 300_000;
        await el.updateComplete;
        const ended = firstEvent(el, ['login-success', 'login-error', 'login-cancel']);
        await realClick(el);
        if (outcome === 2) {
          await until(() => live.message.size === 1, 2000, 'the flow to listen');
          el.cancel();
        }
        await ended;
        expect(live.message.size, `flow ${i} message listeners`).to.equal(0);
        expect(live.intervals.size, `flow ${i} intervals`).to.equal(0);
        expect(live.channels.size, `flow ${i} channels`).to.equal(0);
      }
    } finally {
      restore();
    }
  });
});
