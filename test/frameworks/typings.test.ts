// The five tags, <login-session> and <login-chooser> typed in React 19, Vue 3 and Svelte 5 apps that install the packed tarball: correct use
// typechecks, and a misspelt attribute, a wrong `params` type and a handler of the wrong detail type
// each fail (React and Vue: @ts-expect-error / @vue-expect-error lines that would be reported unused;
// Svelte, whose template comments cannot expect errors: exactly those lines are reported).
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { installApp } from './support.js';

let react: string, vue: string, svelte: string;

// The three installs side by side, in a hook (its own timeout): the checks below are what each test times.
beforeAll(async () => {
  [react, vue, svelte] = await Promise.all([installApp('react'), installApp('vue'), installApp('svelte')]);
}, 600_000);

/** Runs a tool of the app; what it printed, less npm's own warnings. */
function run(cwd: string, command: string, args: string[]) {
  const result = spawnSync('npx', [command, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, output: (result.stdout + result.stderr).replace(/^npm warn.*\n?/gm, '') };
}

describe('typings from the packed tarball', () => {
  it('React 19 + TypeScript: login-elements/jsx and login-elements/react', () => {
    const result = run(react, 'tsc', ['-p', 'tsconfig.json']);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('Vue 3 + vue-tsc (strictTemplates): login-elements/vue', () => {
    const result = run(vue, 'vue-tsc', ['-p', 'tsconfig.json']);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('Vue 3 with compilerOptions.isCustomElement: the tags are left to the browser, not resolved as components', () => {
    const result = spawnSync('node', ['is-custom-element.mjs'], { cwd: vue, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({ resolvedWith: false, resolvedWithout: true });
  });

  it('Svelte 5 + svelte-check: login-elements/svelte', () => {
    const result = run(svelte, 'svelte-check', ['--tsconfig', 'tsconfig.json', '--output', 'machine']);
    const errors = result.stdout
      .split('\n')
      .filter((line) => / ERROR /.test(line))
      .map((line) => {
        const [, file, row] = /ERROR "([^"]+)" (\d+):/.exec(line)!;
        return `${file}:${row}`;
      });
    expect(errors).toEqual(['src/Login.svelte:9', 'src/Login.svelte:11', 'src/Login.svelte:13', 'src/Login.svelte:16', 'src/Login.svelte:19']);
    expect(result.stdout).toContain('clientt-id');
    expect(result.stdout).toMatch(/Type 'number' is not assignable to type 'Record<string, string>'/);
    expect(result.stdout).toMatch(/Property 'nope' is missing in type 'LoginStartDetail'/);
    expect(result.stdout).toMatch(/Property 'nope' is missing in type 'SessionChangeDetail'/);
  });
});

