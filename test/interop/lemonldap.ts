/**
 * LemonLDAP::NG (Debian's `liblemonldap-ng-portal-perl`), an OpenID Certified server written
 * independently of this project, run from a configuration of its own in a temporary directory under
 * `plackup` on 127.0.0.1: the File configuration backend, the Demo authentication backend (its built-in
 * users dwho/dwho, rtyler/rtyler), the OpenID Connect issuer with a signing key made at start, one
 * relying party for our client, and the REST session server so a test can ask whether a person's
 * session at LemonLDAP still exists. `.ci/run` installs the packages; see docs/interop.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../support/wait.js';

export const PLACKUP = '/usr/bin/plackup';
/** What `.ci/run` installs: the portal, plackup, and the modules the portal loads beyond its Depends. */
export const PACKAGES = ['liblemonldap-ng-portal-perl', 'libplack-perl', 'libgd-securityimage-perl', 'libimage-magick-perl', 'libstring-random-perl', 'libio-string-perl'];
const PORTAL_ROOT = '/usr/share/lemonldap-ng/portal';

export interface LemonldapOptions {
  /** The relying party's exact redirect URIs (LemonLDAP allows no wildcard there). */
  redirectUris: string[];
  /** Where RP-initiated logout may send the person back to (exact). */
  postLogoutRedirectUris: string[];
  /** Access-token lifetime in seconds (LemonLDAP's default is an hour). */
  accessTokenSeconds?: number;
}

export interface RunningLemonldap {
  /** Its issuer, as its discovery document spells it: the portal URL, with the trailing slash. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The file its stderr goes to (its own log lines, `logLevel = notice`): readable from any process. */
  logFile: string;
  close(): Promise<void>;
}

/** A free port on 127.0.0.1 (probed, then released for the child to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * Client id and secret with `-` and `.` in them: the characters a percent-encoding Basic header broke.
 * The secret is `s3cret-` and hex digits: with this id, their Base64 never holds `+` or `/`, where
 * LemonLDAP's Basic parser (`/^Basic (\w+)/`) would cut the credentials short (docs/interop.md).
 */
const CLIENT_ID = 'login-elements.interop';

function portalConfig(dir: string, port: number, options: LemonldapOptions, clientSecret: string): Record<string, unknown> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const storage = (name: string) => ({ Directory: join(dir, name), LockDirectory: join(dir, name, 'lock') });
  return {
    cfgNum: 1,
    cfgVersion: '2.16.1',
    cfgAuthor: 'login-elements interop suite',
    // A zero or missing date reads as "no configuration available".
    cfgDate: String(Math.floor(Date.now() / 1000)),
    key: randomBytes(24).toString('base64url'),
    portal: `http://127.0.0.1:${port}/`,
    // The cookie domain may not be empty; an IP address is a valid one for a host-only cookie.
    domain: '127.0.0.1',
    cookieName: 'lemonldap',
    securedCookie: 0,
    authentication: 'Demo',
    userDB: 'Same',
    passwordDB: 'Demo',
    registerDB: 'Null',
    demoExportedVars: { cn: 'cn', mail: 'mail', uid: 'uid' },
    exportedVars: {},
    groups: {},
    macros: {},
    locationRules: {},
    exportedHeaders: {},
    loginHistoryEnabled: 0,
    notification: 0,
    portalSkin: 'bootstrap',
    globalStorage: 'Apache::Session::File',
    globalStorageOptions: { ...storage('sessions'), generateModule: 'Lemonldap::NG::Common::Apache::Session::Generate::SHA256' },
    persistentStorage: 'Apache::Session::File',
    persistentStorageOptions: storage('psessions'),
    // GET /sessions/global/{id}: whether a session still exists (loopback only here).
    restSessionServer: 1,
    issuerDBOpenIDConnectActivation: 1,
    oidcServicePrivateKeySig: privateKey,
    oidcServicePublicKeySig: publicKey,
    oidcServiceKeyIdSig: 'interop',
    oidcRPMetaDataOptions: {
      site: {
        oidcRPMetaDataOptionsClientID: CLIENT_ID,
        oidcRPMetaDataOptionsClientSecret: clientSecret,
        oidcRPMetaDataOptionsRedirectUris: options.redirectUris.join(' '),
        oidcRPMetaDataOptionsPostLogoutRedirectUris: options.postLogoutRedirectUris.join(' '),
        oidcRPMetaDataOptionsIDTokenSignAlg: 'RS256',
        oidcRPMetaDataOptionsBypassConsent: 1,
        // An "online" refresh token (tied to the SSO session), without offline_access.
        oidcRPMetaDataOptionsRefreshToken: 1,
        oidcRPMetaDataOptionsAccessTokenExpiration: options.accessTokenSeconds ?? 3600,
        oidcRPMetaDataOptionsRequirePKCE: 1,
      },
    },
    oidcRPMetaDataExportedVars: { site: { name: 'cn', email: 'mail', preferred_username: 'uid' } },
  };
}

/**
 * The PSGI app: LemonLDAP's portal plus the files its pages load — its own under /static, and jQuery
 * and Bootstrap from Debian's libjs packages under /javascript (Apache's javascript-common alias). Its
 * messages are filled in by those scripts: without them an error page shows an empty box.
 */
const PSGI = `use Plack::Builder;
use Lemonldap::NG::Portal::Main;
my $portal = Lemonldap::NG::Portal::Main->run({});
builder {
  enable 'Static', path => qr{^/static/}, root => '${PORTAL_ROOT}/htdocs';
  enable 'Static', path => qr{^/javascript/}, root => '/usr/share';
  $portal;
};
`;

function ini(dir: string): string {
  return ['[all]', 'logLevel = notice', '[configuration]', 'type = File', `dirName = ${join(dir, 'conf')}`, '[portal]', 'staticPrefix = /static', `templateDir = ${PORTAL_ROOT}/templates`, 'languages = en', ''].join('\n');
}

async function writeConfig(dir: string, port: number, options: LemonldapOptions, clientSecret: string): Promise<void> {
  await Promise.all(['conf', 'sessions/lock', 'psessions/lock'].map((d) => mkdir(join(dir, d), { recursive: true })));
  await Promise.all([
    writeFile(join(dir, 'conf', 'lmConf-1.json'), JSON.stringify(portalConfig(dir, port, options, clientSecret))),
    writeFile(join(dir, 'lemonldap-ng.ini'), ini(dir)),
    writeFile(join(dir, 'portal.psgi'), PSGI),
  ]);
}

/** Resolves once its discovery document answers 200; rejects when the process exits first. */
async function ready(child: ChildProcess, issuer: string, logFile: string, deadline: number): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const answers = async () => {
    if (exited) throw new Error('exited');
    const status = await fetch(`${issuer}.well-known/openid-configuration`).then((r) => r.status, () => 0);
    if (status >= 500) throw new Error(`answered ${status}`);
    return status === 200;
  };
  await until(answers, 'its discovery document', { ms: deadline - Date.now(), everyMs: 25 }).catch((error: Error) => {
    throw new Error(`LemonLDAP::NG did not start (${error.message}):\n${readLog(logFile).slice(-3000)}`);
  });
}

export const readLog = (file: string): string => readFileSync(file, 'utf8');

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Starts LemonLDAP::NG on a free port; `close()` stops it and removes its directory. */
export async function startLemonldap(options: LemonldapOptions): Promise<RunningLemonldap> {
  if (!existsSync(PLACKUP) || !existsSync(`${PORTAL_ROOT}/htdocs/index.psgi`))
    throw new Error(`LemonLDAP::NG is not installed: apt-get install -y --no-install-recommends ${PACKAGES.join(' ')} (.ci/run does)`);
  const dir = await mkdtemp(join(tmpdir(), 'lemonldap-'));
  const clientSecret = `s3cret-${randomBytes(12).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}/`;
    await writeConfig(dir, port, options, clientSecret);
    const logFile = join(dir, `portal-${attempt}.log`);
    const fd = openSync(logFile, 'a');
    // plackup's own server (HTTP::Server::PSGI, one process). -E deployment: no Lint/StackTrace/AccessLog.
    const args = ['-E', 'deployment', '--host', '127.0.0.1', '--port', String(port), join(dir, 'portal.psgi')];
    const child = spawn(PLACKUP, args, {
      env: { ...process.env, LLNG_DEFAULTCONFFILE: join(dir, 'lemonldap-ng.ini') },
      stdio: ['ignore', 'ignore', fd],
    });
    closeSync(fd);
    try {
      await ready(child, issuer, logFile, Date.now() + 15_000);
    } catch (error) {
      await stop(child);
      // Another process took the probed port in between: try another one.
      if (attempt < 3 && readLog(logFile).includes('Address already in use')) continue;
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      issuer,
      clientId: CLIENT_ID,
      clientSecret,
      logFile,
      async close() {
        await stop(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
