export { bbaton } from './bbaton.js';
export { belladati } from './belladati.js';
export { bitbadges } from './bitbadges.js';
export { oauth } from './oauth.js';
export { upbond } from './upbond.js';
