/** Builds the three CDN files of contract §1 with the settings of vite.config.ts, one library build each. */
import { build } from 'vite';
import { CDN_BUNDLES, CDN_DIR } from '../vite.config.js';

for (const { fileName } of CDN_BUNDLES) await build({ configFile: 'vite.config.ts', mode: fileName });
console.log(`CDN bundles written to ${CDN_DIR}/`);
