import { base64url as jose64, CompactEncrypt, compactDecrypt, type CompactJWEHeaderParameters } from 'jose';
import { openInThread } from './open-in-thread.js';

/**
 * Sealing: JWE compact serialisation, `dir` + `A256GCM` (AEAD: encrypted and authenticated), on
 * WebCrypto through `jose`, so it runs the same on Node, Deno, Bun and workerd. The key is derived from
 * the secret and the seal's purpose with HKDF-SHA-256 (the purpose in `info`): a value sealed for one
 * purpose has another key and key id than any other, so it never opens as another, whatever the
 * secret. A short key id (also derived) lets `open` pick the right key among rotated secrets without
 * trying each.
 */
export interface Sealer {
  seal(payload: unknown): Promise<string>;
  /** The payload, or null for anything that is not a value this server sealed (never throws). */
  open(value: string): Promise<unknown>;
}

/**
 * What a seal is for (contract §6 "Session hardening"): the sealed-cookie session, a store's session
 * record, a session's kept tokens, a provider sign-out ticket.
 */
export type SealPurpose = 'cookie' | 'record' | 'tokens' | 'logout';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SALT = encoder.encode('login-elements session v1');
const ALGORITHMS = { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] };

interface Key {
  kid: string;
  key: CryptoKey;
  /** The same key's bytes, for opening in this thread (open-in-thread.ts). */
  bytes: Uint8Array;
}

async function derive(secret: string, purpose: SealPurpose): Promise<Key> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(`${info} for ${purpose}`) });
  const bytes = new Uint8Array(await crypto.subtle.deriveBits(hkdf('A256GCM key'), material, 256));
  const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const id = new Uint8Array(await crypto.subtle.deriveBits(hkdf('key id'), material, 48));
  return { kid: base64url(id), key, bytes };
}

/** The base64url alphabet, in order: a character's index is its six bits. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url: `jose`'s, the server's one (decision 35). */
export const base64url = (bytes: Uint8Array): string => jose64.encode(bytes);

/**
 * The five segments of a compact JWE as this server writes them: the base64url alphabet only, the
 * encrypted key empty (`dir`). `jose`'s decoder (atob) would also take `=` padding and whitespace
 * inside a segment — other spellings of the same bytes.
 */
const COMPACT_JWE = /^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Base64url decoders ignore the unused low bits of a segment's last character, so two spellings open
 * to the same bytes; only the one this server wrote is accepted (a changed character always fails).
 */
function canonical(segment: string): boolean {
  const spare = segment.length % 4;
  if (spare == 1) return false;
  if (spare == 0) return true;
  const last = ALPHABET.indexOf(segment[segment.length - 1]!);
  return last >= 0 && (last & (spare == 2 ? 0xf : 0x3)) == 0;
}

function parse(plaintext: string | null): unknown {
  try {
    return plaintext === null ? null : (JSON.parse(plaintext) as unknown);
  } catch {
    return null;
  }
}

/**
 * `secrets` is [newest, …older]: the first seals, all open. What it seals opens only in a sealer of the
 * same `purpose`.
 */
export function createSealer(secrets: readonly string[], purpose: SealPurpose): Sealer {
  let keys: Promise<Key[]> | undefined;
  let derived: Key[] | undefined;
  const ready = () => (keys ??= Promise.all(secrets.map((secret) => derive(secret, purpose))).then((all) => (derived = all)));
  return {
    async seal(payload) {
      const [newest] = await ready();
      return new CompactEncrypt(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest!.kid })
        .encrypt(newest!.key);
    },
    async open(value) {
      if (!COMPACT_JWE.test(value) || !value.split('.').every(canonical)) return null;
      const all = derived ?? (await ready());
      const opened = openInThread(value, (kid) => all.find((key) => key.kid === kid)?.bytes);
      if (opened !== undefined) return parse(opened);
      try {
        const { plaintext } = await compactDecrypt(
          value,
          (header: CompactJWEHeaderParameters) => {
            const match = all.find((key) => key.kid === header.kid);
            if (!match) throw new Error('unknown key id');
            return match.key;
          },
          ALGORITHMS,
        );
        return parse(decoder.decode(plaintext));
      } catch {
        return null;
      }
    },
  };
}
