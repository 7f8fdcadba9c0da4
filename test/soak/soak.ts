/**
 * Rounds of login exchanges with faults against one endpoint process (test/soak/server.ts): hung,
 * dripping, huge, reset, HTML and secret-echoing provider answers; clients that abort, drip their
 * body or break off. After each round (and a pause) the endpoint reports RSS, heap and open fds.
 * `npm run soak` runs 10 × 1,000; `test/server/soak.test.ts` a short version.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** What the provider (or the client) does wrong, and the status the endpoint must answer. */
const FAULTS: Record<string, number | readonly number[]> = {
  good: 200,
  refused: 400, // a registered OAuth error (invalid_grant)
  hang: 504, // no answer within timeoutMs
  drip: 504, // the body arrives a byte at a time, past timeoutMs
  huge: [502, 504], // 2 MB chunked, over maxUpstreamBytes: 502 — or 504 when a loaded machine has not sent 256 KiB in time
  reset: 502, // the connection is cut
  html: 502, // a login page instead of JSON
  echo: 502, // an unregistered error code carrying the client secret
  'client-abort': 0, // the browser gives up while the provider hangs: no status to see
  // The request body trickles in past bodyTimeoutMs: 408 — or, when a drip crosses the endpoint's
  // close, the client's TCP stack drops the unread 408 on the reset (-1): hung up on either way.
  'client-drip': [408, -1],
};
type Fault = 'good' | 'refused' | 'hang' | 'drip' | 'huge' | 'reset' | 'html' | 'echo' | 'client-abort' | 'client-drip';
const expected = (fault: Fault, status: number) => ([FAULTS[fault]].flat() as number[]).includes(status);
const KINDS = Object.keys(FAULTS) as Fault[];

export interface RoundStats {
  round: number;
  ms: number;
  /** status (or 'aborted') → count */
  statuses: Record<string, number>;
  /** answers that were not the status their fault must give */
  wrong: string[];
  rssMB: number;
  heapMB: number;
  fds: number;
}

function upstream() {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const fault = (new URLSearchParams(body).get('code') ?? '').split(':')[0] as Fault;
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      switch (fault) {
        case 'refused':
          return json(400, { error: 'invalid_grant' });
        case 'hang':
        case 'client-abort':
          return; // never answers; the endpoint's timeout or the client ends it
        case 'drip': {
          res.writeHead(200, { 'content-type': 'application/json' });
          const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case 'huge': {
          res.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          let sent = 0;
          const pump = () => {
            while (sent < 32 && !res.destroyed) {
              sent++;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          return pump();
        }
        case 'reset':
          return req.socket.destroy();
        case 'html':
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title><form>…</form>');
        case 'echo':
          return json(400, { error: 'soak-secret-never-echoed', error_description: 'client_secret=soak-secret-never-echoed' });
        default:
          return json(200, { access_token: 'AT-' + Math.random().toString(36).slice(2), token_type: 'Bearer', expires_in: 3600 });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise<{ url: string; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

const requestBody = (fault: Fault, n: number) => JSON.stringify({ code: `${fault}:${n}`, redirectUri: 'http://app.test/callback.html' });

/** One exchange as its fault says; resolves to the status seen (0 when the client itself gave up). */
async function exchange(port: number, fault: Fault, n: number): Promise<number> {
  const body = requestBody(fault, n);
  if (fault === 'client-drip') {
    // A raw socket: fetch cannot send a body slowly.
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk) => (text += chunk));
    socket.on('error', () => {});
    socket.write(
      `POST /auth/corp HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: http://app.test\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    const drip = setInterval(() => {
      try {
        if (socket.writable && !text) socket.write(' ');
      } catch {
        /* the endpoint hung up on us, as it should: 'close' follows */
      }
    }, 150);
    await new Promise((resolve) => socket.on('close', resolve));
    clearInterval(drip);
    return Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? -1);
  }
  const controller = new AbortController();
  if (fault === 'client-abort') setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/auth/corp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://app.test' },
      body,
      signal: controller.signal,
    });
    const text = await response.text();
    if (text.includes('soak-secret-never-echoed')) return -2;
    return response.status;
  } catch {
    return controller.signal.aborted ? 0 : -1;
  }
}

export async function soak({ rounds, perRound, concurrency, onRound }: { rounds: number; perRound: number; concurrency: number; onRound?: (stats: RoundStats) => void }) {
  const provider = await upstream();
  const child: ChildProcess = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [provider.url], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let crashed: string | undefined;
  child.on('exit', (code, signal) => (crashed = `the endpoint process exited (${code ?? signal})`));
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  const stats = async () => {
    child.send('stats');
    const [reply] = (await once(child, 'message')) as [{ rss: number; heapUsed: number; fds: number }];
    return reply;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 600));
  try {
    await settle();
    const start = await stats();
    const results: RoundStats[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now();
      const statuses: Record<string, number> = {};
      const wrong: string[] = [];
      let next = 0;
      const worker = async () => {
        for (let n = next++; n < perRound; n = next++) {
          const fault = KINDS[n % KINDS.length]!;
          const status = await exchange(port, fault, n);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (!expected(fault, status)) wrong.push(`${fault} → ${status}`);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      await settle();
      if (crashed) throw new Error(crashed);
      const { rss, heapUsed, fds } = await stats();
      const row = { round, ms: Math.round(performance.now() - started), statuses, wrong, rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20, fds };
      results.push(row);
      onRound?.(row);
    }
    // Idle keep-alive connections (the clients' to the endpoint, the endpoint's to the provider) close
    // after their timeouts (4-5 s): only what stays open past them is a leak.
    let end = await stats();
    for (let waited = 0; end.fds > start.fds && waited < 10_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      end = await stats();
    }
    return { start: { rssMB: start.rss / 2 ** 20, heapMB: start.heapUsed / 2 ** 20, fds: start.fds }, rounds: results, endFds: end.fds, crashed };
  } finally {
    child.kill();
    await provider.close();
  }
}
