/**
 * Once per interop run: LemonLDAP::NG started (about a second) with our relying party registered for
 * the site origin the test files will serve, and the elements' bundle built from `src/` with esbuild.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { freePort, startLemonldap } from './lemonldap.js';
import type { InteropContext } from './context.js';

const root = new URL('../../', import.meta.url).pathname;

async function buildBundles(outdir: string): Promise<void> {
  await build({
    entryPoints: { app: join(root, 'src/index.ts') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir,
    logLevel: 'warning',
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sitePort = await freePort();
  const siteOrigin = `http://127.0.0.1:${sitePort}`;
  const bundleDir = await mkdtemp(join(tmpdir(), 'interop-bundles-'));
  const [lemonldap] = await Promise.all([
    startLemonldap({
      // The handlers' served callback pages (/auth: the site's; /wrong: one with a wrong secret).
      redirectUris: [`${siteOrigin}/auth/callback`, `${siteOrigin}/wrong/callback`],
      postLogoutRedirectUris: [`${siteOrigin}/`],
      accessTokenSeconds: ACCESS_TOKEN_SECONDS,
    }),
    buildBundles(bundleDir),
  ]);
  const context: InteropContext = {
    issuer: lemonldap.issuer,
    clientId: lemonldap.clientId,
    clientSecret: lemonldap.clientSecret,
    logFile: lemonldap.logFile,
    siteOrigin,
    bundleDir,
    accessTokenSeconds: ACCESS_TOKEN_SECONDS,
  };
  project.provide('interop', context);
  return async () => {
    await lemonldap.close();
    await rm(bundleDir, { recursive: true, force: true });
  };
}

/** Short, so that a test sees an access token expire and get refreshed at LemonLDAP. */
const ACCESS_TOKEN_SECONDS = 3;
