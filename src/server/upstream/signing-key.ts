/**
 * The private key of a `private_key_jwt` client (RFC 7523): a JWK or a `CryptoKey`, checked at
 * start-up, imported on first use; its public half (with its `kid`) is what `{basePath}/jwks.json`
 * serves and what the provider verifies the client's assertions with.
 */
import { calculateJwkThumbprint, exportJWK, importJWK, type JWK } from 'jose';

export interface SigningKey {
  key: CryptoKey;
  kid: string;
  /** The public key, as the JWKS lists it. */
  jwk: JWK;
}

/** What a public JWK keeps of a private one. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'n', 'e', 'x', 'y', 'alg'] as const;

/** The JWS algorithm for a JWK that names none: what each key type means by default. */
function algorithmOf(jwk: JWK): string {
  if (jwk.alg) return jwk.alg;
  if (jwk.kty == 'RSA') return 'RS256';
  if (jwk.kty == 'EC') return ({ 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as Record<string, string>)[jwk.crv ?? ''] ?? 'ES256';
  if (jwk.kty == 'OKP' && jwk.crv == 'Ed25519') return 'Ed25519';
  throw new TypeError(`a private key of type ${jwk.kty}${jwk.crv ? ' ' + jwk.crv : ''} cannot sign a client assertion: use RSA, EC (P-256/384/521) or Ed25519`);
}

const isCryptoKey = (key: unknown): key is CryptoKey => typeof CryptoKey != 'undefined' && key instanceof CryptoKey;

/** The start-up check: a private key that can sign, whose public half can be served. */
function checked(name: string, privateKey: JsonWebKey | CryptoKey): JsonWebKey | CryptoKey {
  const option = `providers.${name}.privateKey`;
  if (isCryptoKey(privateKey)) {
    if (privateKey.type != 'private') throw new TypeError(`login-elements: ${option} must be a private key (got a ${privateKey.type} CryptoKey)`);
    if (!privateKey.extractable)
      throw new TypeError(`login-elements: ${option} must be extractable (its public key is served at /jwks.json); or pass it as a JWK`);
    return privateKey;
  }
  if (typeof privateKey != 'object' || privateKey === null || typeof privateKey.kty != 'string')
    throw new TypeError(`login-elements: ${option} must be a JWK (an object with kty) or a CryptoKey`);
  if (typeof privateKey.d != 'string') throw new TypeError(`login-elements: ${option} is a public key (no "d"): pass the private JWK`);
  try {
    algorithmOf(privateKey as JWK);
  } catch (error) {
    throw new TypeError(`login-elements: ${option}: ${(error as Error).message}`);
  }
  return privateKey;
}

/** Checks `privateKey` now (a TypeError naming the option) and returns its key, `kid` and public JWK, made once on first call. */
export function signingKey(name: string, privateKey: JsonWebKey | CryptoKey): () => Promise<SigningKey> {
  const given = checked(name, privateKey);
  let made: Promise<SigningKey> | undefined;
  const make = async (): Promise<SigningKey> => {
    const full = isCryptoKey(given) ? await exportJWK(given) : (given as JWK);
    const jwk: JWK = { use: 'sig' };
    for (const member of PUBLIC_MEMBERS) if (full[member] !== undefined) (jwk as Record<string, unknown>)[member] = full[member];
    const kid = full.kid ?? (await calculateJwkThumbprint(jwk));
    jwk.kid = kid;
    const key = isCryptoKey(given) ? given : ((await importJWK(full, algorithmOf(full))) as CryptoKey);
    return { key, kid, jwk };
  };
  return () => (made ??= make());
}
