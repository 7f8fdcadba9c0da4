/**
 * The parts of a flow that no click waits for (see on-demand.ts); they import nothing the click's code
 * does (resume-taken.ts is handed outcome.ts by its caller).
 */
export { prefetchScripts } from './prefetch.js';
export { exchangeCode } from './exchange.js';
export { buildAuthorizeRequest } from './authorize-url.js';
export { finish } from './finish.js';
export { leave, navigatePopup } from './leave.js';
export { resumeTaken } from './resume-taken.js';
export { wayOut } from './way-out.js';
