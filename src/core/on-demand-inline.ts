import { buildAuthorizeRequest } from './authorize-url.js';
import { exchangeCode } from './exchange.js';
import { finish } from './finish.js';
import { leave, navigatePopup } from './leave.js';
import { prefetchScripts } from './prefetch.js';
import { resumeTaken } from './resume-taken.js';
import { wayOut } from './way-out.js';

/** The CDN files' on-demand parts (see on-demand.ts): inline, nothing to load. */
export const later = async () => ({ prefetchScripts, exchangeCode, buildAuthorizeRequest, finish, leave, navigatePopup, wayOut, resumeTaken });
