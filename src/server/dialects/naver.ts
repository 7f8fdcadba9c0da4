import * as oauth from 'oauth4webapi';
import type { Dialect, UserContext } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { EndpointError, invalidProviderResponse } from '../shared/errors.js';
import type { LoginUser } from '../shared/login.js';
import { userId } from '../upstream/userinfo.js';
import { formPost, getJson, oauthShaped, revocationCall, text } from './answers.js';

/**
 * Naver (OAuth 2.0, docs/providers/naver.md): the code exchange carries the authorize request's
 * `state` (from the exchange body's `state`), client id and secret as parameters; errors come as
 * `{error, error_description}`, with 200; `expires_in` is a string. The user is `/v1/nid/me`'s
 * `{resultcode, message, response}` (resultcode `00`). Refresh at the token endpoint; revocation is
 * `grant_type=delete` there. No PKCE, no OpenID Connect.
 */
export const naver: Dialect = {
  server: (config) =>
    serverWith(config, {
      issuer: 'https://nid.naver.com',
      authorization_endpoint: 'https://nid.naver.com/oauth2.0/authorize',
      token_endpoint: 'https://nid.naver.com/oauth2.0/token',
      userinfo_endpoint: 'https://openapi.naver.com/v1/nid/me',
      revocation_endpoint: 'https://nid.naver.com/oauth2.0/token',
    }),
  authorize: authorizeWith('', 'off'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  exchangeParameters: ({ state }) => {
    if (!state) throw new EndpointError(400, 'invalid_request', 'state is required for this provider (its token endpoint checks it)');
    return { state };
  },
  adaptResponse: oauthShaped(),
  refresh: true,
  user: naverUser,
  revoke: ({ config, server, token, fetch }) =>
    revocationCall(
      fetch,
      server.revocation_endpoint!,
      formPost({ grant_type: 'delete', client_id: config.clientId, client_secret: config.clientSecret!, access_token: token, service_provider: 'NAVER' }),
      () => false,
    ),
};

async function naverUser({ server, tokens, fetch }: UserContext): Promise<LoginUser> {
  const { status, body } = await getJson(fetch, server.userinfo_endpoint!, { authorization: `Bearer ${tokens.access_token}` });
  const answer = (typeof body === 'object' && body !== null ? body : {}) as { resultcode?: unknown; response?: unknown };
  if (status !== 200 || answer.resultcode !== '00' || typeof answer.response !== 'object' || answer.response === null)
    throw invalidProviderResponse(`The provider's user endpoint answered ${status} (resultcode ${String(answer.resultcode)})`);
  const me = answer.response as Record<string, unknown>;
  const user: LoginUser = { id: userId(me.id, 'response.id'), raw: me };
  const name = text(me.name) ?? text(me.nickname);
  if (name) user.name = name;
  if (text(me.nickname)) user.nickname = me.nickname;
  if (text(me.email)) user.email = me.email;
  if (text(me.profile_image)) user.picture = me.profile_image;
  return user;
}
