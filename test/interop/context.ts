/** What the interop suite's global setup hands every test file (`inject('interop')`). */
export interface InteropContext {
  /** LemonLDAP::NG's issuer (the portal URL, trailing slash included). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** LemonLDAP::NG's log (stderr), for the reasons it gives for a refusal. */
  logFile: string;
  /** The origin the test files serve their pages on: the one the relying party's redirect URIs name. */
  siteOrigin: string;
  /** `app.js`: every element, built from `src/`. */
  bundleDir: string;
  accessTokenSeconds: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    interop: InteropContext;
  }
}
