import { css } from 'lit';
import { github, words } from '../providers/github.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';
import { markOnDemand } from './mark-on-demand.js';

/**
 * Sign in with GitHub (OAuth 2.0, PKCE). GitHub's logo rules (https://github.com/logos) allow its mark,
 * the Invertocat, in black or white only: black button with a white mark (`filled`), or the mark in the
 * page's black or white (`outline`, `neutral`).
 * @tagname github-login
 * @summary Sign in with GitHub.
 */
export class GithubLogin extends LoginButton {
  static override profile = github;
  static override words: Words = words;
  static override styles = [LoginButton.styles, css`:host { --_brand: #1f2328; --_on: #fff; --_ink: light-dark(#1f2328, #fff); --_edge: #8e918f; }`];
}
define('github-login', GithubLogin);
// The Invertocat's path data would put the element over 12,288 B gzip (decision 37): it comes in a chunk of its own (mark-on-demand.ts).
markOnDemand(GithubLogin, () => import('./github-mark.js'));

declare global {
  interface HTMLElementTagNameMap {
    'github-login': GithubLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
