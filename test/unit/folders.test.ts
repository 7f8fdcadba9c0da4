import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders of `src/` form layers (decision 35): one folder may import another only if that one never
 * imports it back, through any number of folders. Type-only imports count too: a cycle of types is still
 * two folders that cannot be read, moved or tested one without the other. A folder's node is the files
 * directly in it, so `src/server` (the entries and the handler that composes the rest) is one node and
 * `src/server/session` another.
 */
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative specifier of a file: static imports and re-exports, `import()` in code and in types. */
const specifiers = (text: string) => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);

/** folder → folder → the `file → file` imports that make the edge. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources(join(root, 'src'))) {
    const from = relative(root, dirname(file));
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const target = normalize(join(dirname(file), specifier));
      const to = relative(root, dirname(target));
      if (to === from) continue;
      const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${relative(root, file)} → ${relative(root, target)}`]);
    }
  }
  return graph;
}

/** A cycle of folders, as the edges that make it, or undefined. */
function findCycle(graph: Map<string, Map<string, string[]>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      const loop = [...path.slice(path.indexOf(node)), node];
      return loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${graph.get(loop[i]!)!.get(to)![0]})`);
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
}

/** Edges left out of the check, each with why: none now (`login-elements/core` is `src/core.ts`, beside the folders it joins). */
const KNOWN = new Set<string>([]);

describe('the folders of src/', () => {
  it('import one another without a cycle', () => {
    const graph = folderGraph();
    for (const edge of KNOWN) {
      const [from, to] = edge.split(' → ') as [string, string];
      expect(graph.get(from)?.delete(to), `${edge} is no longer there: take it out of KNOWN`).toBe(true);
    }
    expect(findCycle(graph)).toBeUndefined();
  });

  it('the check finds a cycle where there is one', () => {
    const graph = new Map([
      ['a', new Map([['b', ['a/x.ts → b/y.ts']]])],
      ['b', new Map([['c', ['b/y.ts → c/z.ts']]])],
      ['c', new Map([['a', ['c/z.ts → a/x.ts']]])],
    ]);
    expect(findCycle(graph)).toEqual(['a → b (a/x.ts → b/y.ts)', 'b → c (b/y.ts → c/z.ts)', 'c → a (c/z.ts → a/x.ts)']);
  });

  it('server/session/ keeps sessions only: no HTTP, no route', () => {
    const session = folderGraph().get('src/server/session');
    expect([...(session?.keys() ?? [])].filter((to) => to.startsWith('src/server/http') || to === 'src/server')).toEqual([]);
  });
});
