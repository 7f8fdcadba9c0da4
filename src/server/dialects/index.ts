import type { ProviderType } from '../../contract/wire.js';
import type { Dialect } from '../upstream/dialect.js';
import { bbaton } from './bbaton.js';
import { belladati } from './belladati.js';
import { bitbadges } from './bitbadges.js';
import { github } from './github.js';
import { google } from './google.js';
import { kakao } from './kakao.js';
import { line } from './line.js';
import { microsoft } from './microsoft.js';
import { naver } from './naver.js';
import { generic } from './oauth.js';
import { upbond } from './upbond.js';

/** Every built-in provider type's server side: a type without one does not compile. */
export const dialects: Readonly<Record<ProviderType, Dialect>> = { bbaton, belladati, bitbadges, upbond, google, github, microsoft, kakao, naver, line, oauth: generic };

/** Whether `type` is a built-in provider type (own keys only: `constructor` is none). */
export const isProviderType = (type: string): type is ProviderType => Object.hasOwn(dialects, type);
