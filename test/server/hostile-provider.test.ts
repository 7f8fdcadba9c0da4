// Providers that answer too much, forever, with secrets in their errors, or without a usable user id:
// a real stub on 127.0.0.1 whose every answer is streamed, against the handler and its dialects.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, type LoginHandler, type ProviderConfig } from '../../src/server/index.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';
import { assertMatchesSpec } from '../support/openapi.js';

const SECRET = 'client-secret-NEVER-LEAK-7';
const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');
const tokens = JSON.stringify({ access_token: 'AT-secret-token', token_type: 'Bearer', expires_in: 60 });

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let token: Answer;
let userinfo: Answer;
let server: Server;
let base: string;
let sentBytes = 0;
/** Answers still being streamed: each ends when the handler hangs up (or the stream is done). */
let openStreams = 0;

/** Streams `total` bytes (or forever, a chunk every `everyMs`) without buffering, until the client hangs up. */
function stream(res: ServerResponse, total: number, { declare = false, everyMs = 0, chunk = CHUNK } = {}) {
  res.writeHead(200, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(total) } : {}) });
  openStreams++;
  res.once('close', () => openStreams--);
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      sentBytes += chunk.length;
      if (everyMs) return void setTimeout(() => res.write(chunk, pump), everyMs);
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.write('{"access_token":"', pump);
}
const json = (body: unknown, status = 200): Answer => (_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body == 'string' ? body : JSON.stringify(body));

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    (req.url?.startsWith('/userinfo') ? userinfo : token)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const logs: string[] = [];
function handlerFor(providers: Record<string, ProviderConfig>, options: { timeoutMs?: number } = {}): LoginHandler {
  return createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers, log: (line) => logs.push(line), ...options });
}
const corp = (): Record<string, ProviderConfig> => ({
  corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: `${base}/token`, userinfoEndpoint: `${base}/userinfo` },
});
const exchange = (handler: LoginHandler, provider = 'corp') => post(handler, provider, { code: 'code-1', redirectUri: REDIRECT_URI });

/** Expects the status and error, valid against openapi.yaml, with nothing secret in the answer or the log. */
async function expectFailure(res: Awaited<ReturnType<typeof exchange>>, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error });
  assertMatchesSpec('POST', status, res.json);
  const everything = res.text + JSON.stringify([...res.headers]) + logs.join('\n');
  for (const secret of [SECRET, 'AT-secret-token', 'bad client', 'aaaa']) expect(everything).not.toContain(secret);
}

describe('answers that are too large are a 502 and are never buffered whole', () => {
  const rssGrowth = async (run: () => Promise<void>) => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    await run();
    return (process.memoryUsage().rss - before) / MB;
  };

  it.each([
    ['a 200 MB token answer, chunked', 'token', false],
    ['a 200 MB token answer with Content-Length', 'token', true],
    ['a 200 MB userinfo answer, chunked', 'userinfo', false],
  ] as const)('%s: 502 fast, and the process grows by < 64 MB', async (_name, where, declare) => {
    token = where == 'token' ? (_req, res) => stream(res, 200 * MB, { declare }) : json(tokens);
    userinfo = (_req, res) => stream(res, 200 * MB, { declare });
    sentBytes = 0;
    let res!: Awaited<ReturnType<typeof exchange>>;
    const started = Date.now();
    const growth = await rssGrowth(async () => {
      res = await exchange(handlerFor(corp()));
    });
    await expectFailure(res, 502, 'invalid_provider_response');
    expect(res.json!.error_description).toContain('over 262144 bytes');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(growth).toBeLessThan(64);
    // The stub stopped well short of 200 MB: the connection was cut once the limit was passed.
    await vi.waitFor(() => expect(openStreams).toBe(0), { timeout: 5000 });
    expect(sentBytes).toBeLessThan(64 * MB);
  });

  it('maxUpstreamBytes sets the limit', async () => {
    token = json({ access_token: 'AT-secret-token', token_type: 'Bearer', padding: 'p'.repeat(5000) });
    const small = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], maxUpstreamBytes: 4096, providers: corp() });
    await expectFailure(await exchange(small), 502, 'invalid_provider_response');
    const roomy = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], maxUpstreamBytes: 8192, providers: corp() });
    userinfo = json({ sub: 'user-1' });
    expect((await exchange(roomy)).status).toBe(200);
  });
});

describe('an answer that never ends is a 504 by timeoutMs', () => {
  it('an endless chunked token body: 504 provider_timeout within timeoutMs', async () => {
    token = (_req, res) => stream(res, Infinity, { everyMs: 20, chunk: Buffer.from('a') });
    const started = Date.now();
    const res = await exchange(handlerFor(corp(), { timeoutMs: 800 }));
    await expectFailure(res, 504, 'provider_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an answer that declares its length and then stalls mid-body: 504 too', async () => {
    token = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"access_token":"');
    };
    await expectFailure(await exchange(handlerFor(corp(), { timeoutMs: 800 })), 504, 'provider_timeout');
  });

  it('a chunked answer that stalls mid-body (no further chunk): 504 within timeoutMs', async () => {
    token = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":"');
    };
    const started = Date.now();
    await expectFailure(await exchange(handlerFor(corp(), { timeoutMs: 800 })), 504, 'provider_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an endless userinfo body: 504 too', async () => {
    token = json(tokens);
    userinfo = (_req, res) => stream(res, Infinity, { everyMs: 20, chunk: Buffer.from('a') });
    await expectFailure(await exchange(handlerFor(corp(), { timeoutMs: 800 })), 504, 'provider_timeout');
  });
});

describe('provider errors: only RFC 6749 registered codes are passed on', () => {
  it.each([
    [{ error: `bad client_secret ${SECRET}` }],
    [{ error: 'invalid_grant ' }],
    [{ error: 'access denied' }],
    [{ error: 'server_error' }],
    [{ error: SECRET }],
    [{ error: ['invalid_grant'] }],
  ])('%j → 502 invalid_provider_response, nothing of it in the answer or the log', async (body) => {
    token = json(body, 400);
    await expectFailure(await exchange(handlerFor(corp())), 502, 'invalid_provider_response');
  });

  it('a registered code is passed on, its description is not', async () => {
    token = json({ error: 'invalid_grant', error_description: `the code was for ${SECRET}` }, 400);
    const res = await exchange(handlerFor(corp()));
    await expectFailure(res, 400, 'invalid_grant');
    expect(res.json!.error_description).toBe('The provider refused the request (invalid_grant)');
  });
});

describe('a user must have a usable id', () => {
  const dialect = (type: 'bbaton' | 'belladati' | 'bitbadges' | 'oauth'): Record<string, ProviderConfig> => ({
    [type]: { type, clientId: 'c', clientSecret: SECRET, apiKey: 'k', tokenEndpoint: `${base}/token`, userinfoEndpoint: `${base}/userinfo` },
  });
  it.each([
    ['bbaton', { user_id: { nested: 1 } }],
    ['bbaton', { user_id: '' }],
    ['bbaton', { user_id: true }],
    ['belladati', { name: 'no id at all' }],
    ['belladati', { id: null, sub: [] }],
    ['oauth', { sub: 42 }],
    ['oauth', { email: 'no-sub@example.com' }],
  ] as const)('%s userinfo %j → 502', async (type, me) => {
    token = json(tokens);
    userinfo = json(me);
    const res = await exchange(handlerFor(dialect(type)), type);
    await expectFailure(res, 502, 'invalid_provider_response');
    expect(res.text).not.toContain('undefined');
    expect(res.text).not.toContain('[object Object]');
  });

  it.each([[{ address: { a: 1 } }], [{}], [{ address: '' }]])('bitbadges token answer %j → 502', async (extra) => {
    token = json({ access_token: 'AT-secret-token', token_type: 'Bearer', ...extra });
    await expectFailure(await exchange(handlerFor(dialect('bitbadges')), 'bitbadges'), 502, 'invalid_provider_response');
  });

  it('a numeric BBaton user_id is a string id', async () => {
    token = json(tokens);
    userinfo = json({ user_id: 12345, adult_flag: 'Y' });
    const res = await exchange(handlerFor(dialect('bbaton')), 'bbaton');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ user: { id: '12345', adult: true } });
  });
});

describe('an exchange leaves nothing behind', () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

  it('no deadline timer outlives the exchange (10 s each would pile up under load)', async () => {
    token = json(tokens);
    userinfo = json({ sub: 'user-1' });
    const handler = handlerFor(corp());
    await exchange(handler);
    const before = timers();
    for (let i = 0; i < 20; i++) expect((await exchange(handler)).status).toBe(200);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('an answer body nobody read is cancelled when the exchange ends, not held for timeoutMs', async () => {
    // A 500 page that declares its length and stalls: refused by its status, its body never read. The
    // stub sees its connection closed at once.
    let closed = false;
    token = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write('<html>');
      res.on('close', () => (closed = true));
    };
    await expectFailure(await exchange(handlerFor(corp())), 502, 'invalid_provider_response');
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
  });
});
