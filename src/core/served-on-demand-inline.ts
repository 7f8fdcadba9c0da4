import { withServed } from './served.js';

/** The CDN files' copy of served-on-demand.ts: inline, nothing to load. */
export const servedParts = async () => ({ withServed });
