import type { Dialect } from '../dialect.js';
import { bbaton } from './bbaton.js';
import { belladati } from './belladati.js';
import { bitbadges } from './bitbadges.js';
import { generic } from './oauth.js';
import { upbond } from './upbond.js';

export const dialects: Record<string, Dialect> = { bbaton, belladati, bitbadges, upbond, oauth: generic };
