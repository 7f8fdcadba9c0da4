/**
 * What a careful user would write to read the session instead of `getSession`: the cookie read by
 * hand, the same HKDF key derived once, `jose`'s `compactDecrypt` (dir/A256GCM), the payload parsed
 * and its shape and expiry checked; with Redis, the id hashed with node:crypto and the record read
 * with one GET. Built to plain JS by the benchmark, as tsc builds the library.
 */
import { createHash } from 'node:crypto';
import { compactDecrypt } from 'jose';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ALGORITHMS = { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] };

/** The key the library derives from the secret for a purpose (HKDF-SHA-256), derived once. */
export async function handKey(secret: string, purpose: 'cookie' | 'record'): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('login-elements session v1'), info: encoder.encode(`A256GCM key for ${purpose}`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
}

interface Payload {
  p: string;
  u: { id: string } | null;
  c: number;
  e: number;
  s: number;
}

export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
}

export async function handOpen(key: CryptoKey, value: string) {
  try {
    const { plaintext } = await compactDecrypt(value, key, ALGORITHMS);
    const data = JSON.parse(decoder.decode(plaintext)) as Payload;
    if (typeof data.p != 'string' || typeof data.u != 'object' || Date.now() >= data.e) return null;
    return { provider: data.p, user: data.u, createdAt: data.c, expiresAt: data.e };
  } catch {
    return null;
  }
}

export const handHash = (id: string) => createHash('sha256').update(id).digest('base64url');
