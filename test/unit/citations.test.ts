// @vitest-environment node
// Every "contract §n" the repository cites (source comments, and so the shipped .d.ts, README, CHANGELOG,
// docs, tests) names a section of docs/contract.md, and nothing cites the SPEC, a document that ships
// nowhere. (After a merge that brings "contract §n" back: sed -i 's/contract §/contract §/g' on the files named.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => /\.(ts|tsx|js|mjs|md|json|yaml|html)$/.test(file) && file != 'package-lock.json');
const text = (file: string) => readFileSync(new URL(file, root), 'utf8');
const sections = new Set([...text('docs/contract.md').matchAll(/^## (\d+)\. /gm)].map(([, n]) => Number(n)));

describe('citations of the contract', () => {
  it('docs/contract.md numbers its sections 1 to 8', () => {
    expect([...sections]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('every "contract §n" names one of its sections', () => {
    const unresolved: string[] = [];
    let cited = 0;
    for (const file of tracked)
      for (const [citation, first, last] of text(file).matchAll(/contract(?:\.md)? §(\d+)(?:–§(\d+))?/g)) {
        cited++;
        for (const n of [first, last].filter(Boolean).map(Number)) if (!sections.has(n)) unresolved.push(`${file}: ${citation}`);
      }
    expect(unresolved).toEqual([]);
    expect(cited).toBeGreaterThan(50);
  });

  it('nothing cites the SPEC', () => {
    expect(tracked.filter((file) => file != 'test/unit/citations.test.ts' && /\bSPEC\b/.test(text(file)))).toEqual([]);
  });
});
