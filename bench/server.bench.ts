/**
 * `npm run bench:server` — a benchmark, not a test. The library's Node path,
 * `toNodeListener(createLoginHandler(…))`, side by side with the code a careful user would write
 * instead (bench/server/hand-written.ts: node:http + oauth4webapi, the same checks, the same 10 s
 * deadline per upstream call), each in its own process, against one stub token endpoint on 127.0.0.1
 * (a third process). Rounds alternate between the two; each round sends the same exchanges at
 * concurrency 1 and 50 and reads the server process's CPU time before and after.
 * Targets: the library's CPU per request ≤ 1.05× the hand-written one's, its requests/s ≥ 0.95×, no
 * errors (each the median of the rounds' paired ratios).
 * Then `getSession` per request (bench/server/sessions.ts): sealed cookie and Redis store, each beside
 * hand-written `jose` code doing the same; target ≤ 1.10× CPU.
 */
import { build } from 'esbuild';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from './server/config.js';
import { benchSessions } from './server/sessions.js';

const ROUNDS = Number(process.env.ROUNDS) || 10;
const REQUESTS = { 1: 1000, 50: 3000 } as const;

/**
 * Where `taskset` is there and the machine has two CPUs or more, the measured servers (one busy at a
 * time) get the last CPU and this process and the stub provider the others: the load generator no
 * longer takes CPU time from the server being measured, which on a 2-CPU machine spread two runs of
 * the same code 4-8 % apart (pinned: under 1 %).
 */
const cpus = availableParallelism();
const pin = (pid: number | undefined, measured: boolean | 'all') => {
  if (cpus < 2 || pid === undefined) return;
  const list = measured === 'all' ? `0-${cpus - 1}` : measured ? String(cpus - 1) : `0-${cpus - 2}`;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
  } catch {
    // No taskset (not Linux, or util-linux missing): unpinned, noisier.
  }
};
pin(process.pid, false);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function start(file: string, args: string[] = [], measured = false): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      pin(child.pid, measured);
      resolve({ child, port: (message as { port: number }).port });
    });
    child.once('exit', (code) => reject(new Error(`${file} exited ${code}`)));
  });
}
const cpu = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.once('message', (message) => {
      const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
      resolve(user + system);
    });
    child.send('cpu');
  });

// The hand-written handler as plain JS, as tsc compiles the library into dist/.
await build({ entryPoints: [here('server/hand-written.ts')], outfile: here('server/build/hand-written.js'), format: 'esm', platform: 'node', target: 'es2022', logLevel: 'silent' });
const stub = await start('server/stub-provider.ts');
const config: BenchConfig = { app: 'https://app.example', tokenEndpoint: `http://127.0.0.1:${stub.port}/token`, clientSecret: 'bench-secret' };
const servers = {
  library: await start('server/serve.ts', ['library', JSON.stringify(config)], true),
  'hand-written': await start('server/serve.ts', ['hand-written', JSON.stringify(config)], true),
};
type Name = keyof typeof servers;
const body = JSON.stringify({ code: 'bench-code', redirectUri: `${config.app}/callback.html` });

/** `total` exchanges, `concurrency` at a time; returns requests/s, CPU µs per request and errors. */
async function round(name: Name, concurrency: 1 | 50) {
  const { child, port } = servers[name];
  const url = `http://127.0.0.1:${port}/auth/corp`;
  const total = REQUESTS[concurrency];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next++ < total) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: config.app }, body }).catch(() => undefined);
      if (response?.status !== 200) errors++;
      await response?.arrayBuffer();
    }
  };
  const cpuBefore = await cpu(child);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = (await cpu(child)) - cpuBefore;
  return { rps: total / seconds, cpuPerRequest: cpuUsed / total, errors };
}

const results: Record<string, { rps: number[]; cpu: number[]; errors: number }> = {};
// Warm-up: JIT and keep-alive sockets for both.
for (const name of Object.keys(servers) as Name[]) await round(name, 50);
for (let r = 0; r < ROUNDS; r++)
  for (const concurrency of [1, 50] as const) {
    const order: Name[] = r % 2 ? ['hand-written', 'library'] : ['library', 'hand-written'];
    for (const name of order) {
      const key = `${name} c=${concurrency}`;
      const { rps, cpuPerRequest, errors } = await round(name, concurrency);
      results[key] ??= { rps: [], cpu: [], errors: 0 };
      results[key].rps.push(rps);
      results[key].cpu.push(cpuPerRequest);
      results[key].errors += errors;
    }
  }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`| server | concurrency | requests/s (median of ${ROUNDS}) | CPU µs per request | errors |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
let errors = 0;
for (const [key, { rps, cpu: cpus, errors: e }] of Object.entries(results)) {
  const [name, c] = key.split(' ');
  console.log(`| ${name} | ${c!.slice(2)} | ${median(rps).toFixed(0)} | ${median(cpus).toFixed(0)} | ${e} |`);
  errors += e;
}
// Each round's library run against the hand-written run beside it: the machine's drift over a run
// (10 % from one round to another on a shared 2-CPU machine) is in both halves of a pair.
const pairedMedian = (lib: number[], hand: number[]) => median(lib.map((value, i) => value / hand[i]!));
console.log(`\n| concurrency | CPU ratio (library / hand-written, median of ${ROUNDS} paired rounds, target ≤ 1.05) | requests/s ratio (target ≥ 0.95) |`);
console.log('| ---: | ---: | ---: |');
for (const c of [1, 50]) {
  const lib = results[`library c=${c}`]!;
  const hand = results[`hand-written c=${c}`]!;
  const cpuRatio = pairedMedian(lib.cpu, hand.cpu);
  const rpsRatio = pairedMedian(lib.rps, hand.rps);
  console.log(`| ${c} | ${cpuRatio.toFixed(3)} ${cpuRatio <= 1.05 ? 'met' : 'NOT met'} | ${rpsRatio.toFixed(3)} ${rpsRatio >= 0.95 ? 'met' : 'NOT met'} |`);
}
console.log(`\nerrors: ${errors}`);
for (const { child } of [stub, ...Object.values(servers)]) child.send('stop');
// getSession is measured in this process, with no load generator beside it: on every CPU, as a server runs.
pin(process.pid, 'all');
await benchSessions();
process.exit(errors === 0 ? 0 : 1);
