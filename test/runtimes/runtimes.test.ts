// The same handler, for real, in workerd, Deno and Bun (their binaries ship inside npm packages): one
// full exchange against a stub provider on 127.0.0.1, and one refused exchange, in each.
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Installed by `npm run test:runtimes` (scripts/install-runtimes.ts), outside the lock file.
import { BINARIES } from '../../scripts/install-runtimes.js';
import { CALLBACK_SCRIPT } from '../../src/server/http/callback-script.js';
import { until } from '../support/wait.js';

const here = fileURLToPath(new URL('.', import.meta.url));

const APP = 'http://app.test';
const SECRET = 'runtime-secret-NEVER-LEAK';

let stub: Server;
let stubUrl: string;
const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'login-elements-runtimes-'));

beforeAll(async () => {
  // The bundle every runtime loads: platform "neutral" fails the build on any node:* import.
  const result = await build({
    entryPoints: [join(here, 'worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    outfile: join(here, 'worker.bundle.js'),
    logLevel: 'silent',
  });
  expect(result.warnings).toEqual([]);
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const refuse = req.url === '/refuse';
      const ok = !refuse && new URLSearchParams(body).get('code') === 'good-code';
      res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { access_token: 'AT', token_type: 'Bearer', expires_in: 60 } : { error: 'invalid_grant', error_description: `no (${SECRET})` }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  stub?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const env = () => ({ APP_ORIGIN: APP, TOKEN_ENDPOINT: `${stubUrl}/token`, REFUSING_TOKEN_ENDPOINT: `${stubUrl}/refuse`, CLIENT_SECRET: SECRET });

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Starts a runtime and waits until `ready` says where it listens. */
function start(command: string, args: string[], extraEnv: Record<string, string>, ready: (output: string) => number | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: here, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${output}`)), 30_000);
    const look = (chunk: Buffer) => {
      output += chunk;
      const port = ready(output);
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} exited ${code}: ${output}`)));
  });
}

/** Waits until something answers HTTP at `base`. */
const answering = (base: string) =>
  until(() => fetch(base).then(() => true, () => false), `${base} to answer`, { ms: 10_000, everyMs: 100 });

const exchange = (base: string, provider: string, code: string) =>
  fetch(`${base}/auth/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP },
    body: JSON.stringify({ code, redirectUri: `${APP}/callback.html` }),
  });

const runtimes: [name: keyof typeof BINARIES, launch: () => Promise<string>][] = [
  [
    'workerd',
    async () => {
      const port = await freePort();
      const bindings = Object.entries(env())
        .map(([name, text]) => `(name = "${name}", text = "${text}")`)
        .join(', ');
      // capnp embeds files relative to the config.
      copyFileSync(join(here, 'worker.bundle.js'), join(scratch, 'worker.bundle.js'));
      const config = join(scratch, 'config.capnp');
      writeFileSync(
        config,
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The stub provider is on 127.0.0.1: outbound fetches may reach local addresses.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-01-01",
  bindings = [${bindings}],
  globalOutbound = "internet",
);
`,
      );
      const base = `http://127.0.0.1:${port}`;
      const child = spawn(BINARIES.workerd, ['serve', config, '--experimental'], { cwd: scratch, stdio: 'ignore' });
      children.push(child);
      await answering(base);
      return base;
    },
  ],
  [
    'deno',
    () =>
      start(
        BINARIES.deno,
        ['run', '--no-config', '--allow-net=127.0.0.1', '--allow-env', 'serve-deno.js'],
        { ...env(), DENO_DIR: join(scratch, 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
        (out) => Number(/listening (\d+)/.exec(out)?.[1]) || undefined,
      ),
  ],
  [
    'bun',
    () =>
      start(BINARIES.bun, ['run', 'serve-bun.js'], { ...env(), BUN_INSTALL_CACHE_DIR: join(scratch, 'bun'), NO_COLOR: '1' }, (out) => Number(/listening (\d+)/.exec(out)?.[1]) || undefined),
  ],
];

describe.each(runtimes)('%s', (name, launch) => {
  let base: string;
  beforeAll(async () => {
    expect(existsSync(BINARIES[name]), `${BINARIES[name]} (npm run test:runtimes installs it)`).toBe(true);
    base = await launch();
  }, 60_000);

  it('a full exchange: 200 with the provider', async () => {
    const res = await exchange(base, 'corp', 'good-code');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: 'corp', user: null });
  });

  it('a refused code: 400 invalid_grant, nothing of the provider’s text or the secret in the answer', async () => {
    const res = await exchange(base, 'refusing', 'bad-code');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'invalid_grant' });
    expect(text).not.toContain(SECRET);
  });

  it('sessions: a login sets the sealed cookie, GET /session reads it back; a changed cookie reads as signed out', async () => {
    const res = await fetch(`${base}/sauth/corp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ code: 'good-code', redirectUri: `${APP}/callback.html` }),
    });
    expect(res.status).toBe(200);
    const { expiresAt } = (await res.json()) as { expiresAt: number };
    expect(expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    // The allowed page origin is not loopback http: the secure cookie, whatever Host the request names.
    expect(cookie).toMatch(/^__Host-login-session=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const session = await fetch(`${base}/sauth/session`, { headers: { cookie } });
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(await session.json()).toEqual({ provider: 'corp', user: null, expiresAt });
    const tampered = cookie.slice(0, -2) + (cookie.endsWith('AA') ? 'BA' : 'AA');
    expect(await (await fetch(`${base}/sauth/session`, { headers: { cookie: tampered } })).json()).toBeNull();
  });

  it('sessions: a cookie named "\\xA0__Host-login-session" is not the session; one after " \\t" is (names trimmed of spaces and tabs only)', async () => {
    const res = await fetch(`${base}/sauth/corp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ code: 'good-code', redirectUri: `${APP}/callback.html` }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const read = async (header: string) => (await fetch(`${base}/sauth/session`, { headers: { cookie: header } })).json();
    expect(await read(`a=1; \t${cookie}`)).toMatchObject({ provider: 'corp' });
    // U+00A0 is one byte (0xA0) on the wire; String#trim() would have stripped it.
    expect(await read(`a=1;\xA0${cookie}`)).toBeNull();
  });

  it('the callback page, its script and the providers list are served (no file read: the script is in the bundle)', async () => {
    const page = await fetch(`${base}/auth/callback?code=c&state=s`);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('<script type="module" src="callback.js"></script>');
    const script = await fetch(`${base}/auth/callback.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(CALLBACK_SCRIPT);
    const list = await fetch(`${base}/auth/providers`, { headers: { origin: APP } });
    expect(list.headers.get('access-control-allow-origin')).toBe(APP);
    const text = await list.text();
    expect(JSON.parse(text).providers.map((p: { key: string }) => p.key)).toEqual(['corp', 'refusing']);
    expect(text).not.toContain(SECRET);
    expect((await fetch(`${base}/auth/providers`, { headers: { origin: APP, 'if-none-match': list.headers.get('etag')! } })).status).toBe(304);
  });

  it('an origin that is not allowed: 403', async () => {
    const res = await fetch(`${base}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
  });
});
