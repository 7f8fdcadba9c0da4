/**
 * Microsoft Entra ID stand-in (docs/providers/microsoft.md), one host with Microsoft's layout:
 * /{tenant}/oauth2/v2.0/authorize|token|logout and /{tenant}/v2.0/.well-known/openid-configuration
 * for `common`, `organizations`, `consumers` and the user's tenant. ID tokens name the user's tenant
 * (`tid`) and its issuer `{host}/{tid}/v2.0`; errors carry AADSTS codes (`error_codes`, trace ids);
 * a refresh token with `offline_access`, rotating. No userinfo or revocation here (Graph's).
 */
import { randomUUID } from 'node:crypto';
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type Route } from './http.js';
import { discovery, idTokenTimes, rememberingDecision, rsaSigner } from './social.js';

export const MICROSOFT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const MICROSOFT_USER = { sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ', oid: '00000000-0000-0000-66f3-3332eca7ea81', name: 'Hana Park', preferred_username: 'hana@contoso.example', email: 'hana@contoso.example' };

/** Entra's error body: an AADSTS description and code, with the trace fields it always adds. */
const aadsts = (error: string, code: number, text: string, status = 400) =>
  json({ error, error_description: `AADSTS${code}: ${text}`, error_codes: [code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID(), error_uri: `https://login.microsoftonline.com/error?code=${code}` }, status);

/**
 * `tid`: the user's tenant; `issuerTid` makes the ID token name another tenant's issuer (a forgery);
 * `expiresIn`: the access tokens' life, seconds.
 */
export async function startMicrosoft(client: RegisteredClient, port = 0, options: { tid?: string; issuerTid?: string; expiresIn?: number } = {}) {
  const tid = options.tid ?? MICROSOFT_TENANT;
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const signer = rsaSigner();
  const refresh = new Map<string, string>();
  let host = '';
  const issue = (scope: string, nonce: string | null) => {
    const body: Record<string, unknown> = { token_type: 'Bearer', scope, expires_in: options.expiresIn ?? 3599, ext_expires_in: options.expiresIn ?? 3599, access_token: `eyJ0eXAi.${token()}` };
    const scopes = scope.split(' ');
    if (scopes.includes('openid')) {
      const claims = { ver: '2.0', iss: `${host}/${options.issuerTid ?? tid}/v2.0`, aud: client.clientId, tid, ...idTokenTimes(), nbf: idTokenTimes().iat, ...MICROSOFT_USER };
      if (!scopes.includes('email')) delete (claims as Partial<typeof claims>).email;
      body.id_token = signer.sign({ ...claims, ...(nonce ? { nonce } : {}) });
    }
    if (scopes.includes('offline_access')) {
      const rt = `0.AX${token()}`;
      refresh.set(rt, scope);
      body.refresh_token = rt;
    }
    return json(body);
  };
  const token_: Route = (request) => {
    const form = formOf(request);
    if (form.get('client_id') !== client.clientId) return aadsts('unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found.`);
    if (form.get('client_secret') !== client.clientSecret) return aadsts('invalid_client', 7000215, 'Invalid client secret provided.', 401);
    if (form.get('grant_type') === 'refresh_token') {
      const rt = form.get('refresh_token') ?? '';
      const scope = refresh.get(rt);
      if (scope === undefined) return aadsts('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
      refresh.delete(rt); // refresh tokens rotate
      return issue(scope, null);
    }
    const code = form.get('code');
    const params = (code && asked.get(code)) || new URLSearchParams();
    const grant = store.redeem(code, client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
    if ('error' in grant) {
      if (/redirect_uri/.test(grant.description)) return aadsts('invalid_grant', 50011, 'The redirect URI specified in the request does not match the redirect URIs configured for the application.');
      if (/PKCE/.test(grant.description)) return aadsts('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      return aadsts('invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    }
    return issue(grant.scope, params.get('nonce'));
  };
  const routes: Record<string, Route> = {};
  for (const tenant of ['common', 'organizations', 'consumers', tid]) {
    const base = `/${tenant}/oauth2/v2.0`;
    routes[`GET ${base}/authorize`] = authorizeRoute(
      client,
      (params) => (params.get('response_type') !== 'code' ? html('<h1>AADSTS900144: unsupported response_type</h1>', 400) : undefined),
      (params) => loginPage('Microsoft', '#2f2f2f', params, `${base}/authorize/decision`, `Sign in to ${client.clientId} (${params.get('scope')})`),
    );
    routes[`POST ${base}/authorize/decision`] = rememberingDecision(store, asked);
    routes[`POST ${base}/token`] = token_;
    routes[`GET ${base}/logout`] = () => html('<h1>You signed out of your account</h1>');
    const issuer = tenant === 'consumers' ? `/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0` : tenant === tid ? `/${tid}/v2.0` : '/{tenantid}/v2.0';
    routes[`GET /${tenant}/v2.0/.well-known/openid-configuration`] = (request) =>
      discovery(`${host}${issuer}`, {
        authorization_endpoint: `${host}${base}/authorize`,
        token_endpoint: `${host}${base}/token`,
        end_session_endpoint: `${host}${base}/logout`,
        jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
        userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      })(request);
    routes[`GET /${tenant}/discovery/v2.0/keys`] = () => signer.jwks();
  }
  const server = await serve(routes, port);
  host = server.url;
  return {
    ...server,
    /** The configuration a site writes for `tenant`: the issuer template under this host. */
    configFor: (tenant: string) => ({
      tenant,
      issuer: `${host}/{tenantid}/v2.0`,
    }),
    authorizeEndpoint: (tenant: string) => `${host}/${tenant}/oauth2/v2.0/authorize`,
  };
}
