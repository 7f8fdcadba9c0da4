import type { RoundStats } from './soak.js';

/**
 * What a soak must show (issue 12): every answer the status its fault gives, no crash, fds back to
 * their start once idle keep-alive connections have timed out, the heap flat, and RSS levelled off — after the first rounds (the allocator and the
 * JIT settle there), no round's RSS more than 10 % (at least 8 MB) above the highest of those.
 */
export function verdict({ start, rounds, endFds, crashed }: { start: { heapMB: number; fds: number }; rounds: RoundStats[]; endFds: number; crashed?: string }): string[] {
  const problems: string[] = [];
  if (crashed) problems.push(crashed);
  const wrong = rounds.flatMap((r) => r.wrong);
  if (wrong.length) problems.push(`${wrong.length} wrong answers, e.g. ${[...new Set(wrong)].slice(0, 5).join(', ')}`);
  const last = rounds.at(-1)!;
  if (endFds > start.fds + 2) problems.push(`fds: ${start.fds} before, ${endFds} once idle connections timed out`);
  if (last.heapMB > start.heapMB + 12) problems.push(`heap: ${start.heapMB.toFixed(1)} MB before, ${last.heapMB.toFixed(1)} MB after`);
  const warm = Math.min(2, rounds.length - 1);
  const plateau = Math.max(...rounds.slice(0, warm).map((r) => r.rssMB));
  const later = rounds.slice(warm);
  const bound = plateau + Math.max(8, plateau * 0.1);
  const over = later.filter((r) => r.rssMB > bound);
  if (over.length) problems.push(`RSS did not level off: ${plateau.toFixed(1)} MB after round ${warm}, then ${over.map((r) => `${r.rssMB.toFixed(1)} (round ${r.round})`).join(', ')}`);
  return problems;
}
