// @vitest-environment node
// src/contract/ against openapi.yaml: the wire bodies' fields (and which are required), and every error
// code with its status, one way and the other. Each `Fields<T>` object below is checked by the compiler
// against the type (a field missing, extra or of the wrong requiredness fails `npm run typecheck`), and
// by this test against the schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BROWSER_ERROR_CODES, ENDPOINT_ERROR_STATUS, IN_PROCESS_ERROR_STATUS, OAUTH_TOKEN_ERROR_CODES } from '../../src/contract/errors.js';
import type { ErrorResponse, ExchangeRequest, LogoutRequest, LogoutResponse, ProviderList, ProviderType, PublicProvider, SessionUser, SessionView } from '../../src/contract/wire.js';

/** Every field of T, true when required (an index signature is not a field). */
type Fields<T> = { [K in keyof T as string extends K ? never : K]-?: undefined extends T[K] ? false : true };

interface Schema {
  properties?: Record<string, unknown>;
  required?: string[];
}
interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, { description?: string; $ref?: string }> }>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, { description?: string }> };
}
const openapi = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as OpenApi;
const schemas = openapi.components.schemas;

const wire: [schema: string, fields: Record<string, boolean>][] = [
  ['ExchangeRequest', { code: true, redirectUri: true, codeVerifier: false, iss: false, nonce: false, state: false } satisfies Fields<ExchangeRequest>],
  ['Session', { provider: true, user: true, expiresAt: true } satisfies Fields<SessionView>],
  ['SessionUser', { id: true, name: false, email: false, picture: false } satisfies Fields<SessionUser>],
  ['LogoutRequest', { everywhere: false, returnTo: false } satisfies Fields<LogoutRequest>],
  ['LogoutResponse', { endSessionUrl: false } satisfies Fields<LogoutResponse>],
  ['Error', { error: true, error_description: true } satisfies Fields<ErrorResponse>],
];
const providerFields = {
  key: true,
  type: true,
  clientId: true,
  label: true,
  authorizeEndpoint: false,
  issuer: false,
  scope: false,
  pkce: false,
  redirectUri: false,
  params: false,
  authorizeMethod: false,
  error: false,
  error_description: false,
} satisfies Fields<PublicProvider>;

/** Every `ProviderType`, as data: a type left out, or one that is not a `ProviderType`, fails typechecking. */
const PROVIDER_TYPES = ['bbaton', 'belladati', 'upbond', 'bitbadges', 'google', 'github', 'microsoft', 'kakao', 'naver', 'line', 'oauth'] as const satisfies readonly ProviderType[];
export const allTypes: [Exclude<ProviderType, (typeof PROVIDER_TYPES)[number]>] extends [never] ? true : never = true;

describe('the wire bodies of src/contract/wire.ts are the schemas of openapi.yaml', () => {
  it.each(wire)('%s', (name, fields) => {
    const schema = schemas[name]!;
    expect(schema, `openapi.yaml has no schema ${name}`).toBeDefined();
    const documented = Object.keys(schema.properties ?? {});
    // A schema may name fewer fields than the type (SessionUser documents `id` and allows the rest).
    if (name == 'SessionUser') expect(Object.keys(fields)).toEqual(expect.arrayContaining(documented));
    else expect(Object.keys(fields).sort()).toEqual(documented.sort());
    const required = Object.entries(fields).filter(([, isRequired]) => isRequired).map(([field]) => field);
    expect(required.sort()).toEqual([...(schema.required ?? [])].sort());
  });

  // GET {basePath}/providers (contract §7) arrives with issue 22's server side; held here once documented.
  it.skipIf(!schemas.PublicProvider)('ProviderList and PublicProvider', () => {
    expect(Object.keys(schemas.ProviderList!.properties!)).toEqual(['providers'] satisfies (keyof ProviderList)[]);
    expect(Object.keys(providerFields).sort()).toEqual(Object.keys(schemas.PublicProvider!.properties!).sort());
    const required = Object.entries(providerFields).filter(([, isRequired]) => isRequired).map(([field]) => field);
    expect(required.sort()).toEqual([...schemas.PublicProvider!.required!].sort());
    // The built-in types: `type` is one of them.
    const type = schemas.PublicProvider!.properties!.type as { enum: string[] };
    expect([...type.enum].sort()).toEqual([...PROVIDER_TYPES].sort());
  });
});

/** Every `code` openapi.yaml names in an error answer's description, with that answer's status. */
function documentedCodes(): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>();
  for (const methods of Object.values(openapi.paths))
    for (const operation of Object.values(methods))
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const description = response.$ref ? openapi.components.responses[response.$ref.split('/').pop()!]!.description : response.description;
        for (const [, code] of (description ?? '').matchAll(/`([a-z]+(?:_[a-z]+)+)`/g)) {
          if (!found.has(code!)) found.set(code!, new Set());
          found.get(code!)!.add(Number(status));
        }
      }
  return found;
}

describe('the error codes of src/contract/errors.ts are those of openapi.yaml', () => {
  const documented = documentedCodes();

  it('every code the endpoint answers is documented, with its status', () => {
    for (const [code, status] of Object.entries(ENDPOINT_ERROR_STATUS)) expect([code, [...(documented.get(code) ?? [])]]).toEqual([code, [status]]);
  });

  it('every code openapi.yaml documents is in the catalogue, with the same status', () => {
    const catalogue = new Map(Object.entries(ENDPOINT_ERROR_STATUS));
    for (const [code, statuses] of documented) expect([code, [...statuses]]).toEqual([code, [catalogue.get(code)]]);
  });

  it('codes only server code sees are not on the wire; the OAuth codes passed on are 400s', () => {
    for (const code of Object.keys(IN_PROCESS_ERROR_STATUS)) expect(documented.has(code)).toBe(false);
    for (const code of OAUTH_TOKEN_ERROR_CODES) expect(ENDPOINT_ERROR_STATUS[code]).toBe(400);
  });

  it('the catalogues are frozen: nothing an importer does changes them', () => {
    expect(Object.isFrozen(ENDPOINT_ERROR_STATUS)).toBe(true);
    expect(Object.isFrozen(OAUTH_TOKEN_ERROR_CODES)).toBe(true);
    expect(Object.isFrozen(BROWSER_ERROR_CODES)).toBe(true);
    expect(() => (OAUTH_TOKEN_ERROR_CODES as unknown as string[]).push('made_up')).toThrow(TypeError);
  });
});

describe('src/contract/ is a leaf', () => {
  it('imports nothing but itself: no DOM global, no node: module, no other module of the project', () => {
    for (const file of ['errors.ts', 'messages.ts', 'wire.ts', 'index.ts']) {
      const source = readFileSync(new URL(`../../src/contract/${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [, from] of source.matchAll(/from '([^']+)'/g)) expect(from, file).toMatch(/^\.\/[a-z-]+\.js$/);
      expect(source, file).not.toMatch(/\b(document|window|navigator|location)\./);
    }
  });
});
