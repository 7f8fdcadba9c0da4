/**
 * oidc-provider 9 (the local OpenID Connect stand-in; a dev dependency, never part of the package)
 * prints two warnings meant for someone deploying it, which a person running `npm start` or the tests
 * would take for a fault of theirs:
 * - "Unsupported runtime. Use Node.js v22.x LTS" when it is loaded on Node 20. Its last major that
 *   accepts Node 20 is 8.8.1 (no fixes any more, and older configuration), so 9 stays: it runs the demo
 *   and every test on Node 20, which is what the package needs (≥ 20.19).
 * - "a quick start development-only in-memory adapter is used, you MUST change it" when a provider is
 *   made: the stand-in keeps its grants in memory on purpose (a restart forgets them, as it should).
 * This module, imported just before oidc-provider, puts those two lines in context; everything else
 * anyone says on `console.warn` passes as it is.
 */
const notes: [string, () => string][] = [
  [
    'oidc-provider WARNING: Unsupported runtime',
    () => `note: oidc-provider (the local OpenID Connect stand-in) asks for Node 22; it runs the demo and the tests on Node ${process.versions.node} — login-elements itself needs Node ≥ 20.19 and does not use oidc-provider.`,
  ],
  ['oidc-provider WARNING: a quick start development-only in-memory adapter', () => 'note: the local OpenID Connect stand-in keeps its logins in memory, on purpose: a restart forgets them.'],
];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  const note = typeof args[0] == 'string' ? notes.find(([start]) => (args[0] as string).includes(start)) : undefined;
  if (note) return warn(note[1]());
  warn(...args);
};
