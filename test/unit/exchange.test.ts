import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeCode } from '../../src/core/exchange.js';

// The browser's side of the exchange, against a real HTTP server that answers the ways servers do.
let server: Server;
let base: string;
const seen: { method?: string; type?: string; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, type: req.headers['content-type'], body });
      const answers: Record<string, [number, string, string]> = {
        '/ok': [200, 'application/json', '{"provider":"bbaton","user":{"id":"u1"}}'],
        '/html': [200, 'text/html', '<html>oops</html>'],
        '/refused': [400, 'application/json', '{"error":"invalid_grant","error_description":"Code used"}'],
        '/proxy-error': [502, 'text/html', '<h1>Bad gateway</h1>'],
      };
      const [status, type, text] = answers[req.url ?? ''] ?? [404, 'text/plain', 'no'];
      res.writeHead(status, { 'content-type': type }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const body = { code: 'c', redirectUri: 'https://app.example/cb', codeVerifier: 'v'.repeat(43) };

describe('exchangeCode', () => {
  it('POSTs the contract §4 JSON body and resolves the JSON answer', async () => {
    await expect(exchangeCode(`${base}/ok`, body)).resolves.toEqual({ provider: 'bbaton', user: { id: 'u1' } });
    expect(seen.at(-1)).toEqual({ method: 'POST', type: 'application/json', body: JSON.stringify(body) });
  });

  it('a 2xx that is not JSON (an HTML page) is a failure with the status', async () => {
    await expect(exchangeCode(`${base}/html`, body)).rejects.toMatchObject({ status: 200, message: expect.stringContaining('without JSON') });
  });

  it("a non-2xx carries the endpoint's error and description", async () => {
    await expect(exchangeCode(`${base}/refused`, body)).rejects.toEqual({
      status: 400,
      cause: 'invalid_grant',
      description: 'Code used',
      message: `${base}/refused answered 400`,
    });
    await expect(exchangeCode(`${base}/proxy-error`, body)).rejects.toMatchObject({ status: 502, cause: undefined });
  });

  it('an unreachable endpoint says so, without a status', async () => {
    await expect(exchangeCode('http://127.0.0.1:9/auth', body)).rejects.toEqual({
      message: 'http://127.0.0.1:9/auth could not be reached',
      status: undefined,
      cause: undefined,
      description: undefined,
    });
  });

  it('an aborted exchange rejects with the abort, not a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exchangeCode(`${base}/ok`, body, controller.signal)).rejects.toHaveProperty('name', 'AbortError');
  });
});
