import { base64url } from './seal.js';

const encoder = new TextEncoder();

/** SHA-256, base64url: how a store keys a session id or a user (never the id itself). */
export async function hash(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/** A session id: 256 random bits, base64url (43 characters). */
export function randomId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
