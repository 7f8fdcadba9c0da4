import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithub } from '../../demo/stand-ins/github.js';
import { startKakao } from '../../demo/stand-ins/kakao.js';
import { startNaver } from '../../demo/stand-ins/naver.js';
import { createLoginHandler, memoryStore, type ProviderConfig } from '../../src/server/index.js';
import { APP } from '../support/exchange.js';
import { callback, CLIENT, post, REDIRECT_URI } from '../support/providers.js';

// Sign-out with kept tokens revokes them through each provider's own revocation (decision 29).
describe('sign-out revokes what the session kept, in the provider\'s own way', () => {
  const stands: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(stands.map((s) => s.close())));
  let kakao: Awaited<ReturnType<typeof startKakao>>;
  let github: Awaited<ReturnType<typeof startGithub>>;
  let naver: Awaited<ReturnType<typeof startNaver>>;
  beforeAll(async () => {
    stands.push((kakao = await startKakao(CLIENT)), (github = await startGithub(CLIENT)), (naver = await startNaver(CLIENT)));
  });
  const secrets = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
  const configOf = ({ authorizeEndpoint: _a, ...endpoints }: Record<string, string>): ProviderConfig => ({ ...secrets, ...endpoints });

  it.each([
    ['kakao', () => kakao, { scope: 'openid profile_nickname' }],
    ['github', () => github, { scope: 'read:user' }],
    ['naver', () => naver, {}],
  ] as const)('%s', async (name, stand, params) => {
    const handler = createLoginHandler({
      redirectUris: [REDIRECT_URI],
      allowedOrigins: [APP],
      exposeTokens: true,
      providers: { [name]: configOf(stand().endpoints as Record<string, string>) },
      session: { secret: 'x'.repeat(32), store: memoryStore(), keepTokens: true },
    });
    const code = (await callback(stand().endpoints.authorizeEndpoint, params)).get('code')!;
    const login = await post(handler, name, { code, redirectUri: REDIRECT_URI, state: 'state-1' });
    expect(login.status).toBe(200);
    const { access_token } = (login.json as { tokens: { access_token: string } }).tokens;
    expect(stand().live(access_token)).toBe(true);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const out = await handler(new Request(`${APP}/auth/logout`, { method: 'POST', headers: { origin: APP, cookie, 'content-type': 'application/json' }, body: '{}' }));
    expect(out.status).toBe(200);
    expect(stand().live(access_token)).toBe(false);
  });
});
