/**
 * The site of the interop tests: a `node:http` server on the origin LemonLDAP's relying party names,
 * with companion handlers (`createLoginHandler`, each serving its own callback page) at their base
 * paths, the elements' bundle, and pages whose markup a test sets. Every page records the elements'
 * events in order.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { LoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';

export interface RunningSite {
  origin: string;
  /** Markup of the page at a path (the `<body>`); set it before the page is opened. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/** Records the login elements' and `<login-session>`'s events before any element upgrades. */
const RECORDER = `window.siteEvents = [];
for (const type of ['login-start', 'login-success', 'login-error', 'login-cancel'])
  document.addEventListener(type, (e) => siteEvents.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
window.siteSessionChanges = [];
document.addEventListener('session-change', (e) => siteSessionChanges.push(JSON.parse(JSON.stringify(e.detail))));`;

const page = (body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>interop site</title>
<script>${RECORDER}</script>
<script type="module" src="/app.js"></script>
</head>
<body>${body}</body>
</html>`;

export async function startSite(siteOrigin: string, bundleDir: string, handlers: LoginHandler[]): Promise<RunningSite> {
  const listeners = handlers.map((handler) => ({ basePath: handler.basePath, listener: toNodeListener(handler) }));
  const app = await readFile(join(bundleDir, 'app.js'));
  const pages = new Map<string, string>();

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', siteOrigin).pathname;
    const handled = listeners.find(({ basePath }) => path === basePath || path.startsWith(basePath + '/'));
    if (handled) return handled.listener(req, res);
    const send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (path === '/app.js') return send('text/javascript', app);
    const body = pages.get(path);
    if (body !== undefined) return send('text/html; charset=utf-8', page(body));
    res.writeHead(404).end();
  };

  const server: Server = createServer(serve);
  const port = Number(new URL(siteOrigin).port);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    origin: siteOrigin,
    pages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
