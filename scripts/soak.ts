/**
 * `npm run soak`: 10 rounds of 1,000 login exchanges with faults at concurrency 100 (ROUNDS,
 * PER_ROUND, CONCURRENCY to change), then the curve: RSS, heap and fds of the endpoint process after
 * each round. Fails when RSS keeps growing after the first rounds, the heap grows, fds stay open, an
 * answer is wrong, or the process dies.
 */
import { soak } from '../test/soak/soak.js';
import { verdict } from '../test/soak/verdict.js';

const rounds = Number(process.env.ROUNDS) || 10;
const perRound = Number(process.env.PER_ROUND) || 1000;
const concurrency = Number(process.env.CONCURRENCY) || 100;
console.log(`soak: ${rounds} rounds × ${perRound} exchanges with faults, concurrency ${concurrency}\n`);
console.log('| round | ms | RSS MB | heap MB | fds | wrong answers |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
const result = await soak({
  rounds,
  perRound,
  concurrency,
  onRound: (r) => console.log(`| ${r.round} | ${r.ms} | ${r.rssMB.toFixed(1)} | ${r.heapMB.toFixed(1)} | ${r.fds} | ${r.wrong.length}${r.wrong.length ? ` (${[...new Set(r.wrong)].slice(0, 3).join(', ')})` : ''} |`),
});
console.log(`\nbefore the first round: RSS ${result.start.rssMB.toFixed(1)} MB, heap ${result.start.heapMB.toFixed(1)} MB, ${result.start.fds} fds; ${result.endFds} fds once idle connections timed out`);
const problems = verdict(result);
if (problems.length) {
  console.error('\n' + problems.join('\n'));
  process.exit(1);
}
console.log('RSS levelled off, heap flat, fds back to their start, every answer right, no crash.');
