import * as oauth from 'oauth4webapi';
import type { Dialect, UserContext } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import type { LoginUser, ProviderConfig } from '../shared/login.js';
import { oidcUser } from '../upstream/userinfo.js';
import { expectingIssuer, text } from './answers.js';

const LOGIN = 'https://login.microsoftonline.com';
/** The tenant of personal Microsoft accounts: `consumers` tokens name it as their issuer. */
export const CONSUMERS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const TEMPLATE = '{tenantid}';

/** The issuer an ID token must name: `{tenantid}` for the multi-tenant authorities, else the tenant's own. */
function issuerOf(config: ProviderConfig, tenant: string): string {
  if (config.issuer) return config.issuer;
  const id = tenant === 'consumers' ? CONSUMERS_TENANT : tenant === 'common' || tenant === 'organizations' ? TEMPLATE : tenant;
  return `${LOGIN}/${id}/v2.0`;
}

/**
 * Microsoft Entra ID (OpenID Connect, docs/providers/microsoft.md): `tenant` picks the authority
 * (`common`, `organizations`, `consumers` or a tenant id). Tokens from the multi-tenant authorities
 * name their tenant's issuer, `https://login.microsoftonline.com/{tid}/v2.0`: the ID token's `iss`
 * must be that template filled with its own `tid` (and `organizations` never takes a personal
 * account). The user is the ID token (Microsoft documents its claims as a superset of userinfo's);
 * `email` is not verified by Microsoft, so no `emailVerified`. No revocation endpoint; end-session is
 * `/oauth2/v2.0/logout`. An `issuer` with `{tenantid}` keeps the endpoints under its host (national
 * clouds, a stand-in); a concrete `issuer` alone is discovered.
 */
export const microsoft: Dialect = {
  server: (config) => {
    const tenant = config.tenant || 'common';
    const issuer = issuerOf(config, tenant);
    if (config.issuer && !config.issuer.includes(TEMPLATE) && !config.tokenEndpoint) return serverWith(config, { issuer });
    const host = config.issuer?.includes(`/${TEMPLATE}`) ? config.issuer.slice(0, config.issuer.indexOf(`/${TEMPLATE}`)) : LOGIN;
    const base = `${host}/${encodeURIComponent(tenant)}/oauth2/v2.0`;
    const server = serverWith(config, {
      issuer,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      end_session_endpoint: `${base}/logout`,
    });
    if (!server.issuer.includes(TEMPLATE)) return server;
    return expectingIssuer(server, ({ tid }) => {
      // A tid that is no tenant id cannot name an issuer; `organizations` is work and school accounts only.
      if (typeof tid !== 'string' || !/^[0-9a-f-]{36}$/.test(tid) || (tenant === 'organizations' && tid === CONSUMERS_TENANT)) return '';
      return server.issuer.replace(TEMPLATE, tid);
    });
  },
  authorize: authorizeWith('openid profile email offline_access'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  refresh: true,
  user: microsoftUser,
};

async function microsoftUser(context: UserContext): Promise<LoginUser | null> {
  // Graph's userinfo (what discovery names) wants a Graph token and adds nothing to the ID token.
  const server = context.config.userinfoEndpoint ? context.server : { ...context.server, userinfo_endpoint: undefined };
  const user = await oidcUser({ ...context, server });
  if (!user) return null;
  delete user.emailVerified;
  const { oid, tid, preferred_username } = user.raw;
  if (text(oid)) user.oid = oid;
  if (text(tid)) user.tid = tid;
  if (text(preferred_username)) user.preferredUsername = preferred_username;
  return user;
}
