import type { ProviderType } from '../contract/wire.js';

/**
 * Every built-in login element, by the provider `type` the server names in `GET {basePath}/providers`
 * (contract §7), each loaded only when a page needs it: `<login-chooser>` and the CDN module's lazy
 * definitions import the elements a page shows and no other, so a page's bytes do not grow with the
 * number of providers (contract §8). A new built-in provider adds one line here.
 */
export const ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  oauth: () => import('./oauth-login.js'),
  bbaton: () => import('./bbaton-login.js'),
  belladati: () => import('./belladati-login.js'),
  upbond: () => import('./upbond-login.js'),
  bitbadges: () => import('./bitbadges-login.js'),
  google: () => import('./google-login.js'),
  github: () => import('./github-login.js'),
  microsoft: () => import('./microsoft-login.js'),
  kakao: () => import('./kakao-login.js'),
  naver: () => import('./naver-login.js'),
  line: () => import('./line-login.js'),
} satisfies Record<ProviderType, () => Promise<unknown>>;

/** The tag of a provider type's element: `google` → `google-login`; an unknown type gets `oauth-login`. */
export const tagFor = (type: string): string => `${Object.hasOwn(ELEMENTS, type) ? type : 'oauth'}-login`;

/** Defines the element of a provider type (and only it); resolves once the tag is defined. */
export async function loadElement(type: string): Promise<string> {
  const tag = tagFor(type);
  await ELEMENTS[tag.slice(0, -'-login'.length)]!();
  await customElements.whenDefined(tag);
  return tag;
}
