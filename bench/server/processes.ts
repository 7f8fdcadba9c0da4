/**
 * The benchmark's processes: started with `fork` (through tsx), pinned to CPUs, stopped, and their
 * CPU time read from outside (decision 17).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Where `taskset` is there and the machine has two CPUs or more, the measured processes get the last
 * CPU and the load generator, the stub provider and Redis the others: the load generator no longer
 * takes CPU time from the process being measured.
 */
const cpus = availableParallelism();
export const pin = (pid: number | undefined, measured: boolean | 'all') => {
  if (cpus < 2 || pid === undefined) return;
  const list = measured === 'all' ? `0-${cpus - 1}` : measured ? String(cpus - 1) : `0-${cpus - 2}`;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
  } catch {
    // No taskset (not Linux, or util-linux missing): unpinned, noisier.
  }
};
export const here = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));

export interface Child<M = unknown> {
  child: ChildProcess;
  /** The child's first message (a server's port, a reader's readiness). */
  hello: M;
}

/** Forks `file` (relative to bench/) through tsx; resolves with its first message. */
export function start<M>(file: string, args: string[] = [], measured = false): Promise<Child<M>> {
  const child = fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      pin(child.pid, measured);
      resolve({ child, hello: message as M });
    });
    child.once('exit', (code) => code && reject(new Error(`${file} exited ${code}`)));
  });
}
export const stop = ({ child }: { child: ChildProcess }) => new Promise((resolve) => child.once('exit', resolve).send('stop'));

const procfs = existsSync(`/proc/${process.pid}/task`);
/** The process's CPU time so far, µs: every thread's, as the kernel counts it (no message to it). */
export function cpu(child: ChildProcess): number | Promise<number> {
  if (procfs) {
    let ns = 0;
    for (const task of readdirSync(`/proc/${child.pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${child.pid}/task/${task}/schedstat`, 'latin1').split(' ', 1)[0]);
      } catch {
        // A thread that ended between the listing and the read.
      }
    }
    return ns / 1000;
  }
  return new Promise<number>((resolve) => {
    child.once('message', (message) => {
      const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
      resolve(user + system);
    });
    child.send('cpu');
  });
}

export interface Totals {
  cpu: number;
  ms: number;
  requests: number;
}
export const emptyPair = (): [Totals, Totals] => [
  { cpu: 0, ms: 0, requests: 0 },
  { cpu: 0, ms: 0, requests: 0 },
];
export const add = (list: Totals[]): Totals => list.reduce((a, b) => ({ cpu: a.cpu + b.cpu, ms: a.ms + b.ms, requests: a.requests + b.requests }));
export const perRequest = (t: Totals) => t.cpu / t.requests;
export const rate = (t: Totals) => t.requests / t.ms;
export const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
