/** The parts of a flow that no click waits for (see on-demand.ts). */
export { prefetchScripts } from './prefetch.js';
export { exchangeCode } from './exchange.js';
