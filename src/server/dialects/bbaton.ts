import type { Dialect } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { fetchJson, userId } from '../upstream/userinfo.js';

/**
 * BBaton: token request with `Authorization: Basic base64(client_id:secret)` built raw, as BBaton's own
 * sample does. (RFC 6749 §2.3.1 form-encodes both first; BBaton ids contain `+ / =`, so that differs.)
 * The user comes from /v2/user/me with `Authorization: {token_type} {access_token}`.
 */
export const bbaton: Dialect = {
  server: (config) =>
    serverWith(config, {
      issuer: 'https://bauth.bbaton.com',
      authorization_endpoint: 'https://bauth.bbaton.com/oauth/authorize',
      token_endpoint: 'https://bauth.bbaton.com/oauth/token',
      userinfo_endpoint: 'https://bapi.bbaton.com/v2/user/me',
    }),
  authorize: authorizeWith('read_profile', 'off'),
  clientAuth: (config) => (_server, _client, _body, headers) => {
    const bytes = new TextEncoder().encode(`${config.clientId}:${config.clientSecret}`);
    headers.set('authorization', 'Basic ' + btoa(String.fromCharCode(...bytes)));
  },
  refresh: false,
  async user(context) {
    const { tokens, server } = context;
    const me = await fetchJson(context, server.userinfo_endpoint!, `${tokens.token_type} ${tokens.access_token}`);
    return {
      id: userId(me.user_id, 'user_id'),
      adult: me.adult_flag === 'Y',
      birthYear: me.birth_year,
      gender: me.gender,
      raw: me,
    };
  },
};
