import { buildAuthorizeRequest } from './authorize-url.js';
import { callEndpoint, exchangeCode } from './exchange.js';
import { prefetchScripts } from './prefetch.js';
import { applyServed } from './served.js';

/** The CDN files' on-demand parts (see on-demand.ts): inline, nothing to load. */
export const later = async () => ({ prefetchScripts, exchangeCode, buildAuthorizeRequest, callEndpoint, applyServed });
