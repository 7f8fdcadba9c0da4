// @vitest-environment happy-dom
// The way out of an in-app browser (contract §8): the URL each escape navigates to, and what the flow and
// the element say. The clicks themselves, in Chromium with the apps' user agents: test/e2e/in-app-escape.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reporter } from '../../src/core/outcome.js';
import { WAY_OUT_TEXT, wayOut, wayOutUrl } from '../../src/core/way-out.js';
import { outcomeText } from '../../src/elements/texts.js';
import { button as en } from '../../src/i18n/en.js';
import { button as ja } from '../../src/i18n/ja.js';
import { button as ko } from '../../src/i18n/ko.js';
import { oauth } from '../../src/providers/oauth.js';

const PAGE = 'https://shop.example/signin/?next=%2Fcart&ref=k#top';

afterEach(() => vi.restoreAllMocks());

describe('wayOutUrl', () => {
  it('KakaoTalk: its openExternal scheme with the whole page URL, encoded', () => {
    expect(wayOutUrl('kakaotalk', PAGE)).toBe('kakaotalk://web/openExternal?url=' + encodeURIComponent(PAGE));
  });

  it('LINE: the page itself with openExternalBrowser=1 added (its query and fragment kept)', () => {
    const url = new URL(wayOutUrl('line', PAGE)!);
    expect(url.origin + url.pathname).toBe('https://shop.example/signin/');
    expect(url.searchParams.get('openExternalBrowser')).toBe('1');
    expect(url.searchParams.get('next')).toBe('/cart');
    expect(url.hash).toBe('#top');
  });

  it('Android: an intent for Chrome with the host, path and query, the scheme apart, the page as the fallback', () => {
    expect(wayOutUrl('intent', PAGE)).toBe(
      'intent://shop.example/signin/?next=%2Fcart&ref=k#Intent;scheme=https;package=com.android.chrome;S.browser_fallback_url=' + encodeURIComponent(PAGE) + ';end',
    );
    expect(wayOutUrl('intent', 'http://localhost:5173/demo/')).toBe(
      'intent://localhost:5173/demo/#Intent;scheme=http;package=com.android.chrome;S.browser_fallback_url=' + encodeURIComponent('http://localhost:5173/demo/') + ';end',
    );
  });

  it('iOS and frames: nowhere to go', () => {
    expect(wayOutUrl('instructions', PAGE)).toBeUndefined();
  });
});

describe('wayOut', () => {
  it('ends the flow as login-cancel in_app_browser with the instruction, before anything else', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 305.0.0.23.109');
    const target = new EventTarget();
    const seen: CustomEvent[] = [];
    target.addEventListener('login-cancel', (event) => seen.push(event as CustomEvent));
    const flow = reporter({ provider: 'oauth', profile: oauth, clientId: 'c', redirectUri: '/cb' }, target, 'redirect');
    const before = location.href;
    wayOut(flow, { inApp: 'Instagram', framed: false });
    expect(seen.map((e) => e.detail)).toEqual([{ provider: 'oauth', mode: 'redirect', reason: 'in_app_browser', message: WAY_OUT_TEXT }]);
    expect(location.href).toBe(before); // instructions: nothing navigated
    return expect(flow.promise).rejects.toMatchObject({ reason: 'in_app_browser', message: WAY_OUT_TEXT });
  });
});

describe('what the element says', () => {
  const detail = { provider: 'google', mode: 'redirect' as const, reason: 'in_app_browser' as const, message: WAY_OUT_TEXT };

  it('in English, the message the cancel carries; in Korean and Japanese, their own text', () => {
    expect(outcomeText(en, 'login-cancel', detail)).toEqual([WAY_OUT_TEXT, true]);
    expect(outcomeText({ ...en, ...ko }, 'login-cancel', detail)).toEqual([ko.in_app_browser, true]);
    expect(outcomeText({ ...en, ...ja }, 'login-cancel', detail)).toEqual([ja.in_app_browser, true]);
  });

  it('a text a site added under in_app_browser wins; other cancels and errors say what they said', () => {
    expect(outcomeText({ ...en, in_app_browser: 'Ouvrez le navigateur.' }, 'login-cancel', detail)).toEqual(['Ouvrez le navigateur.', true]);
    expect(outcomeText(en, 'login-cancel', { reason: 'popup_closed' })).toEqual([en.cancelled, true]);
    expect(outcomeText(en, 'login-cancel', { reason: 'superseded' })).toBeUndefined();
    expect(outcomeText(en, 'login-error', { error: 'timeout', message: 'No result' })).toEqual([en.timeout, true]);
    expect(outcomeText(en, 'login-error', { error: 'invalid_scope', message: 'x' })).toEqual([en.failed, true]);
    expect(outcomeText(en, 'login-success', {})).toEqual([en.success, false]);
  });
});
