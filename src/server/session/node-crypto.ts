/**
 * `node:crypto` where the runtime hands it over without an import (`process.getBuiltinModule`: Node ≥
 * 20.16, Bun, Deno), else undefined (workerd, browsers: WebCrypto only). The session's hot path uses
 * it to run in this thread what WebCrypto runs as a thread-pool job (hashing an id, opening a seal):
 * a job costs more to hand over and take back than the work itself. Typed by shape: this entry imports
 * no `node:*` module statically.
 */
export interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'base64url'): string } };
  createDecipheriv(
    algorithm: 'aes-256-gcm',
    key: Uint8Array,
    iv: Uint8Array,
    options: { authTagLength: number },
  ): { setAAD(data: Uint8Array): unknown; setAuthTag(tag: Uint8Array): unknown; update(data: Uint8Array): Uint8Array; final(): Uint8Array };
}

export const nodeCrypto: NodeCrypto | undefined = (() => {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const module = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    return typeof module?.createHash == 'function' && typeof module.createDecipheriv == 'function' ? (module as NodeCrypto) : undefined;
  } catch {
    return undefined;
  }
})();
