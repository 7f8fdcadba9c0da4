// @vitest-environment happy-dom
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startLogin } from '../../src/core/flow.js';
import { MESSAGE_TYPE } from '../../src/contract/messages.js';
import { isFlowMessage } from '../../src/core/messages.js';
import { whenReadied } from '../../src/core/warm.js';
import { bbaton, belladati } from '../../src/providers/index.js';
import { openAs } from '../support/open-as.js';
import { quietFor } from '../support/wait.js';

const CALLBACK_ORIGIN = 'https://app.example';

describe('isFlowMessage', () => {
  const good = { type: MESSAGE_TYPE, state: 's1', code: 'c' };
  it('accepts the callback origin, the contract type and the flow state', () => {
    expect(isFlowMessage(CALLBACK_ORIGIN, good, CALLBACK_ORIGIN, 's1')).toBe(true);
  });
  it.each([
    ['wrong origin', 'https://evil.example', good],
    ['origin that only differs in port', 'https://app.example:8443', good],
    ['wrong type', CALLBACK_ORIGIN, { ...good, type: 'other' }],
    ['wrong state', CALLBACK_ORIGIN, { ...good, state: 's2' }],
    ['missing state', CALLBACK_ORIGIN, { type: MESSAGE_TYPE, code: 'c' }],
    ['not an object', CALLBACK_ORIGIN, 'login-elements:callback'],
    ['null', CALLBACK_ORIGIN, null],
  ])('rejects %s', (_name, origin, data) => {
    expect(isFlowMessage(origin, data, CALLBACK_ORIGIN, 's1')).toBe(false);
  });
});

describe('a popup flow listening for its message', () => {
  afterEach(() => vi.restoreAllMocks());
  // A flow readies the next click in the background (warm.ts): let the last one finish while the page is still here.
  afterAll(() => whenReadied());

  function fakePopup() {
    return { closed: false, close: vi.fn(), focus: vi.fn(), location: { href: 'about:blank' } };
  }

  it('ignores foreign messages without side effects, accepts its own once, and ignores a replay', async () => {
    const popup = fakePopup();
    openAs(popup);
    const target = new EventTarget();
    const events: string[] = [];
    for (const type of ['login-success', 'login-error', 'login-cancel']) target.addEventListener(type, () => events.push(type));
    const flow = startLogin(
      { provider: 'bbaton', profile: bbaton, clientId: 'id', redirectUri: `${CALLBACK_ORIGIN}/cb.html`, mode: 'popup' },
      target,
    );
    await vi.waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/bauth\.bbaton\.com\//));
    const state = new URL(popup.location.href).searchParams.get('state')!;
    const post = (origin: string, data: unknown) => window.dispatchEvent(new MessageEvent('message', { origin, data }));

    post('https://evil.example', { type: MESSAGE_TYPE, state, code: 'stolen' });
    post(CALLBACK_ORIGIN, { type: 'something-else', state, code: 'x' });
    post(CALLBACK_ORIGIN, { type: MESSAGE_TYPE, state: 'guessed', code: 'x' });
    post(CALLBACK_ORIGIN, { type: MESSAGE_TYPE, code: 'x' });
    // None of these may settle the flow; an absence sends no event.
    await quietFor(50);
    expect(events).toEqual([]);
    expect(popup.close).not.toHaveBeenCalled();
    expect(flow.settled).toBe(false);

    post(CALLBACK_ORIGIN, { type: MESSAGE_TYPE, state, code: 'the-code' });
    const detail = await flow.promise;
    expect(detail).toMatchObject({ provider: 'bbaton', mode: 'popup', code: 'the-code', redirectUri: `${CALLBACK_ORIGIN}/cb.html` });
    expect(popup.close).toHaveBeenCalled();
    expect(flow.settled).toBe(true);

    post(CALLBACK_ORIGIN, { type: MESSAGE_TYPE, state, code: 'replayed' });
    await quietFor(50);
    expect(events).toEqual(['login-success']);
  });

  it('fails with iss_mismatch when the callback names another issuer', async () => {
    const popup = fakePopup();
    openAs(popup);
    const flow = startLogin(
      { provider: 'bbaton', profile: bbaton, clientId: 'id', redirectUri: `${CALLBACK_ORIGIN}/cb`, issuer: 'https://bauth.bbaton.com' },
      new EventTarget(),
    );
    await vi.waitFor(() => expect(popup.location.href).toContain('state='));
    const state = new URL(popup.location.href).searchParams.get('state')!;
    window.dispatchEvent(new MessageEvent('message', { origin: CALLBACK_ORIGIN, data: { type: MESSAGE_TYPE, state, code: 'c', iss: 'https://evil.example' } }));
    await expect(flow.promise).rejects.toMatchObject({ error: 'iss_mismatch' });
  });

  it('reports invalid_config naming the missing attribute, and opens no window', async () => {
    const open = vi.spyOn(window, 'open');
    const target = new EventTarget();
    await expect(startLogin({ provider: 'bbaton', profile: bbaton, clientId: '', redirectUri: '/cb' }, target).promise).rejects.toMatchObject({
      error: 'invalid_config',
      message: expect.stringContaining('client-id'),
    });
    await expect(startLogin({ provider: 'bbaton', profile: bbaton, clientId: 'x', redirectUri: '' }, target).promise).rejects.toMatchObject({
      error: 'invalid_config',
      message: expect.stringContaining('redirect-uri'),
    });
    expect(open).not.toHaveBeenCalled();
  });

  it('a relative base-url is resolved against the page, as the check resolved it, whether or not the click was readied', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const config = { provider: 'belladati', profile: belladati, clientId: 'id', redirectUri: `${CALLBACK_ORIGIN}/cb`, mode: 'redirect', extras: { 'base-url': 'bella dati/' } } as const;
    // The first click builds its request once the on-demand part is in; it readies the next one (warm.ts),
    // which builds its request in the click's own task.
    for (const readied of [false, true]) {
      if (readied) await whenReadied();
      startLogin(config, new EventTarget());
      await vi.waitFor(() => expect(assign).toHaveBeenCalledTimes(readied ? 2 : 1));
      const url = new URL(String(assign.mock.lastCall![0]));
      expect(url.origin + url.pathname, String(readied)).toBe(new URL('bella%20dati/auth/oauth/request:new', location.href).href);
    }
  });
});
