// A short soak in every npm test (the long one is `npm run soak`): rounds of exchanges with faults
// against an endpoint process of its own; its memory levels off, its fds close, it never crashes.
import { expect, it } from 'vitest';
import { soak } from '../soak/soak.js';
import { verdict } from '../soak/verdict.js';

it('3 rounds × 200 faulty exchanges at concurrency 50: right answers, no crash, fds back, RSS levels off', async () => {
  const result = await soak({ rounds: 3, perRound: 200, concurrency: 50 });
  expect(result.rounds.flatMap((r) => r.wrong)).toEqual([]);
  expect(verdict(result)).toEqual([]);
  // Every kind of fault was met, each answered.
  const seen = Object.assign({}, ...result.rounds.map((r) => r.statuses)) as Record<string, number>;
  expect(Object.keys(seen).sort()).toEqual(['0', '200', '400', '408', '502', '504']);
}, 120_000);
