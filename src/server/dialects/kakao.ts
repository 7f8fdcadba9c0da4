import * as oauth from 'oauth4webapi';
import type { Dialect, UserContext } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { invalidProviderResponse } from '../shared/errors.js';
import type { LoginUser } from '../shared/login.js';
import { userFromClaims, userId } from '../upstream/userinfo.js';
import { getJson, objectFrom, revocationCall, text } from './answers.js';

/**
 * Kakao (OAuth 2.0, and OpenID Connect with scope `openid`; docs/providers/kakao.md): client_secret
 * as a form parameter, PKCE, RS256 ID tokens from `https://kauth.kakao.com`. The user is the ID
 * token's `sub` with nickname, picture and email from `/v2/user/me` (its numeric `id` must be the
 * token's `sub`); an OIDC-shaped userinfo (`/v1/oidc/userinfo`, what discovery names) works too.
 * Refresh at the token endpoint; revocation is Kakao's logout (`POST /v1/user/logout` with the access
 * token), which ends the access and the refresh token.
 */
export const kakao: Dialect = {
  server: (config) => {
    if (config.issuer && !config.tokenEndpoint) return serverWith(config, { issuer: config.issuer });
    return serverWith(config, {
      issuer: 'https://kauth.kakao.com',
      authorization_endpoint: 'https://kauth.kakao.com/oauth/authorize',
      token_endpoint: 'https://kauth.kakao.com/oauth/token',
      userinfo_endpoint: 'https://kapi.kakao.com/v2/user/me',
      revocation_endpoint: 'https://kapi.kakao.com/v1/user/logout',
    });
  },
  authorize: authorizeWith('openid profile_nickname profile_image'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  refresh: true,
  user: kakaoUser,
  revoke: ({ server, token, fetch }) =>
    revocationCall(
      fetch,
      server.revocation_endpoint!,
      { method: 'POST', headers: { authorization: `Bearer ${token}` } },
      // -401: the token is unknown or expired. Revoking the access token ended the refresh token too.
      (status, body) => status === 401 && (body as { code?: unknown } | undefined)?.code === -401,
    ),
};

async function kakaoUser({ server, tokens, claims, fetch }: UserContext): Promise<LoginUser> {
  const me = server.userinfo_endpoint ? objectFrom(await getJson(fetch, server.userinfo_endpoint, { authorization: `Bearer ${tokens.access_token}` }), 'user endpoint') : undefined;
  if (me && 'sub' in me) {
    // The OpenID Connect userinfo shape: claims, with the ID token's subject.
    if (claims && me.sub !== claims.sub) throw invalidProviderResponse("The provider's userinfo names another subject than the ID token");
    const user = userFromClaims({ ...claims, ...me });
    const nickname = text(me.nickname) ?? text(claims?.nickname);
    if (!user.name && nickname) user.name = nickname; // Kakao's claim for the name is `nickname`
    return user;
  }
  const id = userId(me?.id ?? claims?.sub, 'id or sub');
  if (claims && String(claims.sub) !== id) throw invalidProviderResponse("The provider's user endpoint names another user than the ID token");
  const account = (me?.kakao_account ?? {}) as Record<string, unknown>;
  const profile = (account.profile ?? {}) as Record<string, unknown>;
  const user: LoginUser = { id, raw: me ?? userFromClaims({ ...claims }).raw };
  const name = text(profile.nickname) ?? text(claims?.nickname);
  const picture = text(profile.profile_image_url) ?? text(claims?.picture);
  const email = text(account.email) ?? text(claims?.email);
  if (name) user.name = name;
  if (picture) user.picture = picture;
  if (email) user.email = email;
  if (email && typeof account.is_email_verified === 'boolean') user.emailVerified = account.is_email_verified && account.is_email_valid !== false;
  return user;
}
