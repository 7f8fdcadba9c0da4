/**
 * What a careful user would write instead of the library: node:http + oauth4webapi, the same checks
 * (method and path, Origin allowlist, JSON content type, 16 KiB body within 10 s, fields, redirect
 * allowlist, RFC 6749 errors) and the same 10 s deadline on the upstream call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as oauth from 'oauth4webapi';
import type { BenchConfig } from './config.js';

export function handWritten({ app, tokenEndpoint, clientSecret }: BenchConfig) {
  const as: oauth.AuthorizationServer = { issuer: new URL(tokenEndpoint).origin, token_endpoint: tokenEndpoint };
  const client: oauth.Client = { client_id: 'bench-client' };
  const auth = oauth.ClientSecretBasic(clientSecret);
  const redirectUris = new Set([`${app}/callback.html`]);
  const options = {
    [oauth.customFetch]: (url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }),
    [oauth.allowInsecureRequests]: true,
  };
  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const fail = (res: ServerResponse, status: number, error: string) => send(res, status, { error, error_description: error });

  function readBody(req: IncomingMessage): Promise<string | undefined> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => (req.destroy(), resolve(undefined)), 10_000);
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 16 * 1024) return req.destroy(), clearTimeout(timer), resolve(undefined);
        chunks.push(chunk);
      });
      req.on('end', () => (clearTimeout(timer), resolve(Buffer.concat(chunks).toString('utf8'))));
      req.on('error', () => (clearTimeout(timer), resolve(undefined)));
    });
  }

  return createServer(async (req, res) => {
    if (req.method !== 'POST') return fail(res, 405, 'method_not_allowed');
    if (req.url !== '/auth/corp') return fail(res, 404, 'unknown_provider');
    if (req.headers.origin !== undefined && req.headers.origin !== app) return fail(res, 403, 'forbidden_origin');
    if (req.headers['content-type']?.split(';')[0]?.trim() !== 'application/json') return fail(res, 415, 'unsupported_media_type');
    const text = await readBody(req);
    if (text === undefined) return fail(res, 413, 'payload_too_large');
    let body: { code?: unknown; redirectUri?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return fail(res, 400, 'invalid_request');
    }
    if (typeof body.code !== 'string' || typeof body.redirectUri !== 'string' || !redirectUris.has(body.redirectUri)) return fail(res, 400, 'invalid_request');
    try {
      const params = oauth.validateAuthResponse(as, client, new URLSearchParams({ code: body.code }), oauth.skipStateCheck);
      const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, body.redirectUri, oauth.nopkce, options);
      await oauth.processAuthorizationCodeResponse(as, client, response);
      send(res, 200, { provider: 'corp', user: null });
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) return fail(res, 400, error.error);
      fail(res, 502, 'invalid_provider_response');
    }
  });
}
