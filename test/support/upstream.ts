/** A token endpoint on 127.0.0.1 whose next answer the test chooses: the ways a provider goes wrong. */
import { afterAll, beforeAll } from 'vitest';
import { serve, type Reply } from '../../demo/stand-ins/http.js';

export type Behaviour = () => Reply | Promise<Reply>;

export async function startUpstream() {
  let behaviour: Behaviour = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' });
  const requests: { headers: Record<string, unknown>; body: string }[] = [];
  const route = async (request: { headers: Record<string, unknown>; body: string }) => {
    requests.push(request);
    return behaviour();
  };
  const server = await serve({ 'POST /token': route, 'GET /userinfo': route });
  return {
    ...server,
    tokenEndpoint: `${server.url}/token`,
    requests,
    answer(next: Behaviour) {
      behaviour = next;
    },
  };
}

export const jsonReply = (body: unknown, status = 200): Reply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
export const goodTokens = (extra: Record<string, unknown> = {}) => jsonReply({ access_token: 'AT-very-secret-token', token_type: 'Bearer', expires_in: 60, ...extra });

/**
 * For one suite: a stub token endpoint answering good tokens, and a list for the servers the suite
 * starts — all closed after it (vitest hooks). `upstream` is there once the suite has begun.
 */
export function suiteUpstream() {
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
  const servers: import('node:http').Server[] = [];
  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.answer(() => goodTokens());
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await upstream?.close();
  });
  return {
    get upstream() {
      return upstream!;
    },
    servers,
  };
}
