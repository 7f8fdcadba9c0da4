/**
 * Builds the three CDN files of contract §1 with the settings of vite.config.ts, one library build each;
 * then the server's copy of the callback script (contract §7: served at `{basePath}/callback.js` on every
 * runtime, with no file read at request time), the same bytes as `dist/cdn/callback.js`.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { callbackModule, CALLBACK_MODULE_SOURCE } from './callback-module.js';
import { CDN_BUNDLES, CDN_DIR } from '../vite.config.js';

// The module's chunks carry a content hash: drop an earlier build's, so dist/cdn holds only this one's.
if (existsSync(CDN_DIR)) for (const file of readdirSync(CDN_DIR)) if (file.startsWith('login-elements-')) rmSync(`${CDN_DIR}/${file}`);
for (const { fileName } of CDN_BUNDLES) await build({ configFile: 'vite.config.ts', mode: fileName });
console.log(`CDN bundles written to ${CDN_DIR}/`);

const script = readFileSync(`${CDN_DIR}/callback.js`, 'utf8');
const module = callbackModule(script);
// The source copy is rewritten only when the script changed (a build leaves a clean tree clean);
// dist's copy always, since tsc compiled it from the source copy as it was before this build.
if (readFileSync(CALLBACK_MODULE_SOURCE, 'utf8') !== module) {
  writeFileSync(CALLBACK_MODULE_SOURCE, module);
  console.log(`${CALLBACK_MODULE_SOURCE} updated: src/callback.ts changed (commit it)`);
}
writeFileSync('dist/server/http/callback-script.js', callbackModule(script, 'js'));
