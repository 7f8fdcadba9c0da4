/** The parts of a flow that no click waits for (see on-demand.ts); they import nothing the click's code does. */
export { prefetchScripts } from './prefetch.js';
export { exchangeCode } from './exchange.js';
export { buildAuthorizeRequest } from './authorize-url.js';
export { finish } from './finish.js';
export { leave, navigatePopup } from './leave.js';
export { isExpired, takeCompletedTransaction } from './transaction.js';
export { wayOut } from './way-out.js';
