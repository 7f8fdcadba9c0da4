import { CompactEncrypt, compactDecrypt, type CompactJWEHeaderParameters } from 'jose';

/**
 * Sealing: JWE compact serialisation, `dir` + `A256GCM` (AEAD: encrypted and authenticated), on
 * WebCrypto through `jose`, so it runs the same on Node, Deno, Bun and workerd. The key is derived from
 * the secret with HKDF-SHA-256; a short key id (also derived) lets `open` pick the right key among
 * rotated secrets without trying each.
 */
export interface Sealer {
  seal(payload: unknown): Promise<string>;
  /** The payload, or null for anything that is not a value this server sealed (never throws). */
  open(value: string): Promise<unknown>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SALT = encoder.encode('login-elements session v1');
const ALGORITHMS = { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] };

interface Key {
  kid: string;
  key: CryptoKey;
}

async function derive(secret: string): Promise<Key> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(info) });
  const key = await crypto.subtle.deriveKey(hkdf('A256GCM key'), material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const id = new Uint8Array(await crypto.subtle.deriveBits(hkdf('key id'), material, 48));
  return { kid: base64url(id), key };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url (ids and hashes: short, and read on every request). */
export function base64url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest) {
    const n = (bytes[i]! << 16) | (rest == 2 ? bytes[i + 1]! << 8 : 0);
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (rest == 2 ? ALPHABET[(n >> 6) & 63]! : '');
  }
  return text;
}

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

/** `secrets` is [newest, …older]: the first seals, all open. */
export function createSealer(secrets: readonly string[]): Sealer {
  let keys: Promise<Key[]> | undefined;
  let derived: Key[] | undefined;
  const ready = () => (keys ??= Promise.all(secrets.map(derive)).then((all) => (derived = all)));
  return {
    async seal(payload) {
      const [newest] = await ready();
      return new CompactEncrypt(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest!.kid })
        .encrypt(newest!.key);
    },
    async open(value) {
      const segments = value.split('.');
      if (segments.length != 5 || segments[1] !== '' || !segments.every(canonical)) return null;
      const all = derived ?? (await ready());
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
        return JSON.parse(decoder.decode(plaintext)) as unknown;
      } catch {
        return null;
      }
    },
  };
}
