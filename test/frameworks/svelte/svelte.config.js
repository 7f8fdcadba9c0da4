// Its own (empty) Svelte config, so svelte-check does not climb to the project's vite.config.ts.
export default {};
