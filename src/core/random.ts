/** base64url without padding (RFC 7636 Appendix A). */
export const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');

/** 32 random bytes as base64url: used for `state` and the PKCE verifier (43 chars, RFC 7636 §4.1). */
export const randomToken = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** S256 challenge for a verifier (RFC 7636 §4.2). */
export const pkceChallenge = async (verifier: string): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
