import * as oauth from 'oauth4webapi';
import type { Dialect, UserContext } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import type { LoginUser } from '../shared/login.js';
import { userId } from '../upstream/userinfo.js';
import { getJson, objectFrom, oauthShaped, revocationCall, text } from './answers.js';

/** GitHub's REST API wants a User-Agent on every call (403 without one) and names its media type. */
const API_HEADERS = { accept: 'application/vnd.github+json', 'user-agent': 'login-elements', 'x-github-api-version': '2022-11-28' };

/**
 * GitHub (OAuth 2.0, docs/providers/github.md): the token endpoint answers JSON only when asked
 * (`Accept: application/json`) and answers its errors with 200 and its own codes; the user is
 * `/user`, the email the primary verified one of `/user/emails` (scope `user:email`). GitHub Apps
 * with expiring tokens refresh; revocation is `DELETE /applications/{client_id}/token`.
 */
export const github: Dialect = {
  server: (config) =>
    serverWith(config, {
      issuer: 'https://github.com',
      authorization_endpoint: 'https://github.com/login/oauth/authorize',
      token_endpoint: 'https://github.com/login/oauth/access_token',
      userinfo_endpoint: 'https://api.github.com/user',
      revocation_endpoint: 'https://api.github.com/applications/{client_id}/token',
    }),
  authorize: authorizeWith('read:user user:email'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  adaptRequest: (_config, init) => ({ ...init, headers: { ...init.headers, accept: 'application/json' } }),
  adaptResponse: oauthShaped({
    incorrect_client_credentials: 'invalid_client',
    bad_verification_code: 'invalid_grant',
    redirect_uri_mismatch: 'invalid_grant',
    bad_refresh_token: 'invalid_grant',
  }),
  refresh: true,
  user: githubUser,
  revoke: ({ config, server, token, fetch }) =>
    revocationCall(
      fetch,
      server.revocation_endpoint!.replace('{client_id}', encodeURIComponent(config.clientId)),
      {
        method: 'DELETE',
        headers: { ...API_HEADERS, 'content-type': 'application/json', authorization: 'Basic ' + btoa(`${config.clientId}:${config.clientSecret}`) },
        body: JSON.stringify({ access_token: token }),
      },
      // A token GitHub no longer knows is answered 404: already revoked.
      (status) => status === 404,
    ),
};

async function githubUser({ server, tokens, fetch }: UserContext): Promise<LoginUser> {
  const headers = { ...API_HEADERS, authorization: `Bearer ${tokens.access_token}` };
  const me = objectFrom(await getJson(fetch, server.userinfo_endpoint!, headers), 'user endpoint');
  const user: LoginUser = { id: userId(me.id, 'id'), raw: me };
  const name = text(me.name) ?? text(me.login);
  if (name) user.name = name;
  if (text(me.login)) user.login = me.login;
  if (text(me.avatar_url)) user.picture = me.avatar_url;
  const primary = await primaryEmail(fetch, `${server.userinfo_endpoint!.replace(/\/+$/, '')}/emails`, headers);
  if (primary) Object.assign(user, { email: primary, emailVerified: true });
  else if (text(me.email)) user.email = me.email;
  return user;
}

/** The primary, verified address; none without `user:email` (GitHub answers 403/404 then). */
async function primaryEmail(fetcher: typeof fetch, url: string, headers: Record<string, string>): Promise<string | undefined> {
  const { status, body } = await getJson(fetcher, url, headers);
  if (status === 401 || status === 403 || status === 404) return undefined;
  if (status !== 200 || !Array.isArray(body)) return undefined;
  const entry = body.find((e: { primary?: unknown; verified?: unknown; email?: unknown }) => e?.primary === true && e.verified === true && typeof e.email === 'string') as
    | { email: string }
    | undefined;
  return entry?.email;
}
