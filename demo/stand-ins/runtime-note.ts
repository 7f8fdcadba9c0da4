/**
 * oidc-provider 9 (the local OpenID Connect stand-in; a dev dependency, never part of the package)
 * prints "Unsupported runtime. Use Node.js v22.x LTS" when it is loaded on Node 20. Its last major
 * that accepts Node 20 is 8.8.1 (no fixes any more, and older configuration), so 9 stays and this
 * module, imported just before it, puts that one line in context instead: the demo and every test run
 * on Node 20, which is what the package needs (≥ 20.19). Everything else oidc-provider says passes.
 */
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] == 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime'))
    return warn(`note: oidc-provider (the local OpenID Connect stand-in) asks for Node 22; it runs the demo and the tests on Node ${process.versions.node} — login-elements itself needs Node ≥ 20.19 and does not use oidc-provider.`);
  warn(...args);
};
// oidc-provider warns while it is evaluated, right after this module: then the console is as it was.
setTimeout(() => (console.warn = warn));
