// Client authentication that interoperates (SPEC §7): Basic as the token endpoint receives it, byte
// for byte; the method picked from the metadata's token_endpoint_auth_methods_supported; the hint after
// an invalid_client to Basic; start-up checks of the credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, serve, type IncomingRequest, type Reply } from '../../demo/stand-ins/http.js';
import { createLoginHandler, type ProviderConfig } from '../../src/server/index.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';
import { assertMatchesSpec } from '../support/openapi.js';

let issuer: Awaited<ReturnType<typeof serve>>;
const received: IncomingRequest[] = [];
let methods: string[] | undefined;
let tokenAnswer: () => Reply = () => json({ access_token: 'AT', token_type: 'Bearer', expires_in: 60 });
beforeAll(async () => {
  issuer = await serve({
    'GET /.well-known/openid-configuration': () =>
      json({ issuer: issuer.url, authorization_endpoint: `${issuer.url}/authorize`, token_endpoint: `${issuer.url}/token`, token_endpoint_auth_methods_supported: methods }),
    'POST /token': (request) => (received.push(request), tokenAnswer()),
  });
});
afterAll(() => issuer.close());

const body = { code: 'the-code', redirectUri: REDIRECT_URI };
const handlerFor = (config: Partial<ProviderConfig>, log: (line: string) => void = () => {}) =>
  createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], log, providers: { corp: { type: 'oauth', clientId: 'c', ...config } } });
const lastRequest = () => received.at(-1)!;
const basicCredentials = (request: IncomingRequest) => Buffer.from(String(request.headers.authorization).replace(/^Basic /, ''), 'base64').toString('latin1');

describe('client_secret_basic, as the token endpoint receives it', () => {
  it('unreserved characters as they are; space as +; `:`, `%`, `+`, `/`, non-ASCII percent-encoded (UTF-8)', async () => {
    const res = await post(handlerFor({ clientId: 'my-app.v2_x~ :%é', clientSecret: 'Se-._~ :%ü+/=', tokenEndpoint: `${issuer.url}/token` }), 'corp', body);
    expect(res.status).toBe(200);
    const request = lastRequest();
    // Written out by hand, not by the code under test.
    expect(request.headers.authorization).toBe('Basic ' + Buffer.from('my-app.v2_x~+%3A%25%C3%A9:Se-._~+%3A%25%C3%BC%2B%2F%3D').toString('base64'));
    expect(basicCredentials(request)).toBe('my-app.v2_x~+%3A%25%C3%A9:Se-._~+%3A%25%C3%BC%2B%2F%3D');
    expect(new URLSearchParams(request.body).has('client_secret')).toBe(false);
  });

  it('an id and a secret of unreserved characters only arrive exactly as configured', async () => {
    await post(handlerFor({ clientId: 'rp-demo.example_1~', clientSecret: 'A-b.C_d~0123456789', tokenEndpoint: `${issuer.url}/token` }), 'corp', body);
    expect(basicCredentials(lastRequest())).toBe('rp-demo.example_1~:A-b.C_d~0123456789');
  });
});

describe('the method, from the metadata', () => {
  afterAll(() => (methods = undefined));
  const config = { clientId: 'rp-1', clientSecret: 'secret-1', issuer: '' };

  it.each([
    [undefined, undefined, 'basic'],
    [['client_secret_post', 'client_secret_basic'], undefined, 'basic'],
    [['client_secret_post'], undefined, 'post'],
    [['private_key_jwt', 'client_secret_post'], undefined, 'post'],
    [['client_secret_basic'], 'client_secret_post', 'basic'],
    [['tls_client_auth'], 'client_secret_post', 'post'],
  ] as const)('metadata lists %j, configured %s → %s', async (listed, configured, expected) => {
    methods = listed ? [...listed] : undefined;
    const res = await post(handlerFor({ ...config, issuer: issuer.url, tokenEndpointAuthMethod: configured }), 'corp', body);
    expect(res.status).toBe(200);
    const request = lastRequest();
    const form = new URLSearchParams(request.body);
    if (expected == 'basic') {
      expect(basicCredentials(request)).toBe('rp-1:secret-1');
      expect(form.has('client_secret')).toBe(false);
    } else {
      expect(request.headers.authorization).toBeUndefined();
      expect([form.get('client_id'), form.get('client_secret')]).toEqual(['rp-1', 'secret-1']);
    }
  });
});

describe('invalid_client after Basic', () => {
  afterAll(() => (tokenAnswer = () => json({ access_token: 'AT', token_type: 'Bearer', expires_in: 60 })));

  it('says, in the answer and in the log, to try client_secret_post', async () => {
    tokenAnswer = () => json({ error: 'invalid_client' }, 401);
    const lines: string[] = [];
    const res = await post(handlerFor({ clientSecret: 'right-but-misread', tokenEndpoint: `${issuer.url}/token` }, (line) => lines.push(line)), 'corp', body);
    expect(res.status).toBe(400);
    assertMatchesSpec('POST', 400, res.json);
    const hint = "The provider refused the client credentials sent with client_secret_basic; if the secret is right, try tokenEndpointAuthMethod: 'client_secret_post'";
    expect(res.json).toEqual({ error: 'invalid_client', error_description: hint });
    expect(lines).toEqual([`login-elements: POST /auth/corp → 400 invalid_client: ${hint}`]);
    expect(res.text + lines.join('')).not.toContain('right-but-misread');
  });

  it('a 401 with WWW-Authenticate (no JSON body) gets the hint too; after client_secret_post it does not', async () => {
    tokenAnswer = () => ({ status: 401, headers: { 'www-authenticate': 'Basic realm="op"' }, body: '' });
    const basic = await post(handlerFor({ clientSecret: 's', tokenEndpoint: `${issuer.url}/token` }), 'corp', body);
    expect(basic.json).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining("try tokenEndpointAuthMethod: 'client_secret_post'") });
    tokenAnswer = () => json({ error: 'invalid_client' }, 401);
    const sent = await post(handlerFor({ clientSecret: 's', tokenEndpointAuthMethod: 'client_secret_post', tokenEndpoint: `${issuer.url}/token` }), 'corp', body);
    expect(sent.json).toMatchObject({ error: 'invalid_client' });
    expect(sent.json!.error_description).not.toContain('client_secret_post');
  });
});

describe('credentials are checked at start-up', () => {
  const base = { type: 'oauth' as const, clientId: 'c', tokenEndpoint: 'https://op.example/token' };
  const create = (config: Record<string, unknown>) => () => createLoginHandler({ allowedOrigins: [APP], providers: { corp: { ...base, ...config } as ProviderConfig } });

  it('a secret method without a secret; private_key_jwt without a key', () => {
    expect(create({})).toThrow(`provider "corp": client_secret_basic needs clientSecret (or set privateKey for private_key_jwt)`);
    expect(create({ clientSecret: 's', tokenEndpointAuthMethod: 'private_key_jwt' })).toThrow(`tokenEndpointAuthMethod 'private_key_jwt' needs privateKey`);
    expect(() => createLoginHandler({ allowedOrigins: [APP], providers: { bbaton: { clientId: 'c' } } })).toThrow('clientId and clientSecret are required');
  });

  it('a public JWK, a JWK of no signing type, a non-extractable or public CryptoKey; a private key on a built-in', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const exportable = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', exportable.privateKey);
    const { d: _d, ...publicJwk } = jwk;
    expect(create({ privateKey: publicJwk })).toThrow('providers.corp.privateKey is a public key (no "d"): pass the private JWK');
    expect(create({ privateKey: { kty: 'oct', k: 'AAAA', d: 'x' } })).toThrow('cannot sign a client assertion');
    expect(create({ privateKey: 'not a key' })).toThrow('providers.corp.privateKey must be a JWK');
    expect(create({ privateKey: pair.privateKey })).toThrow('providers.corp.privateKey must be extractable');
    expect(create({ privateKey: pair.publicKey })).toThrow('must be a private key (got a public CryptoKey)');
    expect(() => createLoginHandler({ allowedOrigins: [APP], providers: { bbaton: { clientId: 'c', clientSecret: 's', privateKey: jwk } } })).toThrow("privateKey (private_key_jwt) is for type 'oauth' providers");
    expect(create({ privateKey: jwk })).not.toThrow();
  });
});
