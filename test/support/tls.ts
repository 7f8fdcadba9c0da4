/**
 * An https server on 127.0.0.1 (port 0) with a certificate made for the test by openssl, trusted by
 * this process's `fetch` only while it runs: for tests of what the endpoint does with https upstreams.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DISPATCHER = Symbol.for('undici.globalDispatcher.1');

interface Dispatcher {
  close(): Promise<void>;
}
type Global = typeof globalThis & { [DISPATCHER]?: Dispatcher };

/**
 * Node's `fetch` keeps its connection pool (an undici `Agent`) under this well-known symbol and
 * creates it on first use; a new Agent of the same class, given the test's certificate authority,
 * takes its place until `close()` puts the old one back. Node ships no other way to add a CA at run
 * time (NODE_EXTRA_CA_CERTS is read at start-up).
 */
async function trust(ca: string): Promise<() => Promise<void>> {
  const global = globalThis as Global;
  if (!global[DISPATCHER]) await fetch('data:,').catch(() => {});
  const previous = global[DISPATCHER]!;
  const Agent = previous.constructor as new (options: { connect: { ca: string[] } }) => Dispatcher;
  const { rootCertificates } = await import('node:tls');
  const agent = new Agent({ connect: { ca: [...rootCertificates, ca] } });
  global[DISPATCHER] = agent;
  return async () => {
    global[DISPATCHER] = previous;
    await agent.close();
  };
}

export async function serveHttps(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'login-elements-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const server: Server = createServer({ key, cert }, handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const untrust = await trust(cert);
    return {
      url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      async close() {
        await untrust();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
