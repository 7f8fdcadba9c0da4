/**
 * The session's hot path in this thread (node:crypto where the runtime hands it over): the id's hash
 * and the seal's opening answer exactly what WebCrypto and `jose` answer, for good values and for
 * every changed character.
 */
import { compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { hash, randomId } from '../../src/server/session/hash.js';
import { nodeCrypto } from '../../src/server/session/node-crypto.js';
import { openInThread } from '../../src/server/session/open-in-thread.js';
import { base64url, createSealer } from '../../src/server/session/seal.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const encoder = new TextEncoder();

/** The record key's bytes and id, derived as seal.ts derives them (HKDF-SHA-256, the purpose in info). */
async function keyOf(purpose: string) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(SECRET), 'HKDF', false, ['deriveBits']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('login-elements session v1'), info: encoder.encode(`${info} for ${purpose}`) });
  const bytes = new Uint8Array(await crypto.subtle.deriveBits(hkdf('A256GCM key'), material, 256));
  const kid = base64url(new Uint8Array(await crypto.subtle.deriveBits(hkdf('key id'), material, 48)));
  return { bytes, kid, key: await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['decrypt']) };
}

const joseOpens = (value: string, key: CryptoKey) =>
  compactDecrypt(value, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] }).then(
    ({ plaintext }) => new TextDecoder().decode(plaintext),
    () => null,
  );

describe('in this thread, as on WebCrypto', () => {
  it('Node hands node:crypto over: the id is hashed synchronously, to WebCrypto’s SHA-256', async () => {
    expect(nodeCrypto).toBeDefined();
    for (const text of [randomId(), 'corp\u0000user-1', 'é ✓ 𝄞']) {
      const digest = hash(text);
      expect(typeof digest).toBe('string');
      expect(digest).toBe(base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))));
    }
  });

  it('a seal opens to what jose opens it to; every changed character fails in both', async () => {
    const { bytes, kid, key } = await keyOf('record');
    const payload = { p: 'corp', u: { id: 'user-1', name: 'Zoë ✓' }, c: 1, e: 2, s: 1 };
    const value = await createSealer([SECRET], 'record').seal(payload);
    const keyFor = (id: string) => (id === kid ? bytes : undefined);
    expect(openInThread(value, keyFor)).toBe(JSON.stringify(payload));
    expect(await joseOpens(value, key)).toBe(JSON.stringify(payload));
    expect(openInThread(value, () => undefined)).toBeNull();
    for (let i = 0; i < value.length; i++) {
      if (value[i] == '.') continue;
      const changed = value.slice(0, i) + (value[i] == 'A' ? 'B' : 'A') + value.slice(i + 1);
      const inThread = openInThread(changed, keyFor);
      expect([i, inThread]).toEqual([i, await joseOpens(changed, key)]);
    }
  });

  it('a header other than {alg: dir, enc: A256GCM, kid} does not open, even under the right key', async () => {
    const { bytes, kid } = await keyOf('cookie');
    const value = await createSealer([SECRET], 'cookie').seal({ p: 'corp' });
    const [, ...rest] = value.split('.');
    const header = (fields: object) => base64url(encoder.encode(JSON.stringify(fields)));
    for (const fields of [{ alg: 'dir', enc: 'A128GCM', kid }, { alg: 'dir', enc: 'A256GCM', kid, zip: 'DEF' }, { alg: 'dir', enc: 'A256GCM', kid, crit: ['exp'] }])
      expect(openInThread([header(fields), ...rest].join('.'), () => bytes)).toBeNull();
  });
});
