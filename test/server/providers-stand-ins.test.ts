import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithub } from '../../demo/stand-ins/github.js';
import { startGoogle } from '../../demo/stand-ins/google.js';
import { startKakao } from '../../demo/stand-ins/kakao.js';
import { startLine } from '../../demo/stand-ins/line.js';
import { startMicrosoft } from '../../demo/stand-ins/microsoft.js';
import { startNaver } from '../../demo/stand-ins/naver.js';
import { CLIENT } from '../support/providers.js';

// The six stand-ins' authorize step refuses what the real ones refuse before any login page.
describe('the six stand-ins: authorize refusals', () => {
  const authorize: Record<string, string> = {};
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const started = await Promise.all([startGoogle(CLIENT), startGithub(CLIENT), startKakao(CLIENT), startNaver(CLIENT), startLine(CLIENT)]);
    ['google', 'github', 'kakao', 'naver', 'line'].forEach((name, i) => {
      authorize[name] = started[i]!.endpoints.authorizeEndpoint;
      closers.push(started[i]!.close);
    });
    const ms = await startMicrosoft(CLIENT);
    authorize.microsoft = ms.authorizeEndpoint('common');
    closers.push(ms.close);
  });
  afterAll(() => Promise.all(closers.map((close) => close())));

  const names = ['google', 'github', 'microsoft', 'kakao', 'naver', 'line'];
  const open = (name: string, params: Record<string, string>) => {
    const url = new URL(authorize[name]!);
    url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUris[0]!, state: 's', scope: 'openid profile', ...params }).toString();
    return fetch(url, { redirect: 'manual' });
  };

  it.each(names)('%s: an unregistered redirect URI is refused, never redirected to', async (name) => {
    const res = await open(name, { redirect_uri: 'https://evil.example/callback' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it.each(names)('%s: an unknown client is refused', async (name) => {
    expect((await open(name, { client_id: 'someone-else' })).status).toBe(400);
  });

  it.each(names)('%s: a registered client and redirect URI get the login page', async (name) => {
    const res = await open(name, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="decision" value="approve"');
  });
});
