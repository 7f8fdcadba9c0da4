// Clients that lie about where they are, what they target, or how fast they send: raw HTTP/1.1 over
// TCP to toNodeListener on 127.0.0.1, with a stub provider behind it.
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandlerOptions } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { suiteUpstream } from '../support/upstream.js';

const suite = suiteUpstream();
const { servers } = suite;

type Listener = ReturnType<typeof toNodeListener>;

/**
 * The endpoint behind node:http on 127.0.0.1 (its page origin is `http://app.test` unless trustHost);
 * `front` stands for whatever a framework does before it. Returns the port.
 */
async function endpoint(options: Partial<LoginHandlerOptions> = {}, front = (listener: Listener): Listener => listener) {
  const handler = createLoginHandler({
    allowedOrigins: ['http://app.test'],
    providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: 's', tokenEndpoint: suite.upstream.tokenEndpoint } },
    ...options,
  } as LoginHandlerOptions);
  const server = createServer(front(toNodeListener(handler)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes (all at once, or the body a byte every `dripMs`) and returns the status and the whole answer. */
function raw(port: number, head: string, body = '', dripMs = 0): Promise<{ status: number; text: string; ms: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), text, ms: Date.now() - started, closed: true });
    });
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    // No half-close: the server closes the connection after its answer (Connection: close).
    if (!dripMs) return void socket.write(body);
    let i = 0;
    const drip = () => {
      if (i < body.length && !socket.destroyed) socket.write(body[i++]!, () => (timer = setTimeout(drip, dripMs)));
    };
    drip();
  });
}
const body = JSON.stringify({ code: 'c1', redirectUri: 'http://app.test/callback.html' });
const post = (target: string, headers: Record<string, string>) =>
  `POST ${target} HTTP/1.1\n${Object.entries({ 'content-type': 'application/json', 'content-length': String(body.length), connection: 'close', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n`;

describe('construction', () => {
  it('without allowedOrigins or trustHost: a TypeError naming both', () => {
    const providers = { corp: { type: 'oauth' as const, clientId: 'c', clientSecret: 's', tokenEndpoint: 'https://idp.example/token' } };
    expect(() => createLoginHandler({ providers })).toThrow(TypeError);
    expect(() => createLoginHandler({ providers })).toThrow(/allowedOrigins[\s\S]*trustHost/);
    expect(() => createLoginHandler({ providers, allowedOrigins: [] })).toThrow(/allowedOrigins[\s\S]*trustHost/);
    expect(() => createLoginHandler({ providers, trustHost: true })).not.toThrow();
    expect(() => createLoginHandler({ providers, allowedOrigins: ['https://app.example'] })).not.toThrow();
  });
});

describe('request targets: origin-form only', () => {
  it('a well-formed request from the allowed origin is served', async () => {
    const port = await endpoint();
    const res = await raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://app.test' }), body);
    expect(res.status).toBe(200);
  });

  it.each(['http://evil.example/auth/corp', '//evil.example/auth/corp', 'https://app.test/auth/corp', '*'])('%s → 400', async (target) => {
    const port = await endpoint({ trustHost: true, allowedOrigins: undefined });
    const res = await raw(port, post(target, { host: 'evil.example', origin: 'http://evil.example' }), body);
    expect(res.status).toBe(400);
    expect(res.text).toContain('"error":"invalid_request"');
  });
});

describe('Host and Origin rebinding (a DNS-rebinding page names itself in both)', () => {
  it('with allowedOrigins: Host and Origin evil.example → 403, whatever Host says', async () => {
    const port = await endpoint();
    const res = await raw(port, post('/auth/corp', { host: 'evil.example', origin: 'http://evil.example' }), body);
    expect(res.status).toBe(403);
    expect(res.text).toContain('"error":"forbidden_origin"');
  });

  it('with trustHost: true the request’s own Host is the origin — the rebinding page is served (why allowedOrigins is the default)', async () => {
    const port = await endpoint({ trustHost: true, allowedOrigins: undefined, redirectUris: ['http://evil.example/callback.html'] });
    const rebound = JSON.stringify({ code: 'c1', redirectUri: 'http://evil.example/callback.html' });
    const res = await raw(port, post('/auth/corp', { host: 'evil.example', origin: 'http://evil.example', 'content-length': String(rebound.length) }), rebound);
    expect(res.status).toBe(200);
    // …but an Origin that is not the Host is still refused.
    const other = await raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://evil.example' }), body);
    expect(other.status).toBe(403);
  });
});

describe('a malformed Host under trustHost: 400, never a 500 or another origin', () => {
  it.each(['a b', '', 'app.test@evil.example', 'user:pw@app.test', 'app.test/evil', 'app.test:99999', 'app.test:x'])('Host %j → 400 invalid_request', async (host) => {
    const port = await endpoint({ trustHost: true, allowedOrigins: undefined });
    const res = await raw(port, post('/auth/corp', { host, origin: 'http://evil.example' }), body);
    expect(res.status).toBe(400);
    expect(res.text).toContain('"error":"invalid_request"');
    expect(res.text).toContain('Host');
  });

  it('the Fetch path cannot meet one: Fetch refuses a request URL with userinfo', () => {
    expect(() => new Request('http://app.test@evil.example/auth/corp')).toThrow(TypeError);
  });

  it('a well-formed Host with a port is still its origin', async () => {
    const port = await endpoint({ trustHost: true, allowedOrigins: undefined, redirectUris: ['http://app.test:8080/callback.html'] });
    const own = JSON.stringify({ code: 'c1', redirectUri: 'http://app.test:8080/callback.html' });
    const res = await raw(port, post('/auth/corp', { host: 'app.test:8080', origin: 'http://app.test:8080', 'content-length': String(own.length) }), own);
    expect(res.status).toBe(200);
  });
});

describe('slow bodies', () => {
  it('a body trickling in a byte every 200 ms → 408 by bodyTimeoutMs, and the connection is closed', async () => {
    const port = await endpoint({ bodyTimeoutMs: 1000 });
    const res = await raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://app.test' }), body, 200);
    expect(res.status).toBe(408);
    expect(res.text).toContain('"error":"request_timeout"');
    expect(res.ms).toBeLessThan(3000);
    expect(res.closed).toBe(true);
  });

  it('20 dripping clients at once are all answered 408, none held open', async () => {
    const port = await endpoint({ bodyTimeoutMs: 800 });
    const all = await Promise.all(Array.from({ length: 20 }, () => raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://app.test' }), body, 300)));
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(408));
    expect(Math.max(...all.map((r) => r.ms))).toBeLessThan(4000);
  });
});

describe('a body another middleware already read', () => {
  it('with no parsed body kept: a clear 500 at once, never a hang', async () => {
    // What Fastify's own body parsing does to the raw request before a hijacked route sees it.
    const port = await endpoint({}, (listener) => (req, res) => {
      req.on('data', () => {});
      req.on('end', () => listener(req, res));
    });
    const res = await raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://app.test' }), body);
    expect(res.status).toBe(500);
    expect(res.text).toContain('already read');
    expect(res.ms).toBeLessThan(2000);
  });

  it('with the parsed body kept in req.body: served', async () => {
    const port = await endpoint({}, (listener) => (req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => listener(Object.assign(req, { body: JSON.parse(text) as unknown }), res));
    });
    const res = await raw(port, post('/auth/corp', { host: 'app.test', origin: 'http://app.test' }), body);
    expect(res.status).toBe(200);
  });
});
