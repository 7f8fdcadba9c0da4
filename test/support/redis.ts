/**
 * Real Redis for tests, on 127.0.0.1 and free ports, stopped and restarted at will: one
 * `redis-server`, or a Redis Cluster of three masters (`redis-cli --cluster create`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { until } from './wait.js';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const REDIS_CLI = '/usr/bin/redis-cli';

/** A port nothing listens on now: bound on port 0, closed, and handed out (cluster nodes need fixed ones). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** One redis-server process with fixed arguments, which can be killed (SIGKILL) and started again. */
function redisProcess(args: string[]) {
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const process = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = process;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
      const look = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      process.stdout!.on('data', look);
      process.stderr!.on('data', look);
      process.once('exit', (code) => {
        clearTimeout(timer);
        if (!output.includes('Ready to accept connections')) reject(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  return { start, stop, pid: () => child?.pid };
}

export async function startRedis() {
  const port = await freePort();
  const server = redisProcess(['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await server.start();
  return { url: `redis://127.0.0.1:${port}`, ...server };
}

const run = promisify(execFile);
const cli = (port: number, ...args: string[]) => run(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), ...args]).then(({ stdout }) => stdout);

/**
 * Three masters, no replicas, `cluster-require-full-coverage no` (a dead master takes only its own
 * slots down). Each node appends every write to a file before it answers (the OS keeps it when the
 * process is killed; `appendfsync no` leaves the disk alone), so a master killed
 * and started again comes back with the sessions it held.
 */
export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'login-elements-cluster-'));
  const ports: number[] = [];
  // Six distinct ports: three for clients, three for the cluster bus (not port + 10000: maybe taken).
  while (ports.length < 6) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const nodes = [0, 1, 2].map((i) => {
    const [port, bus] = [ports[i]!, ports[i + 3]!];
    const args = ['--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    args.push('--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '1000');
    args.push('--cluster-require-full-coverage', 'no', '--appendonly', 'yes', '--appendfsync', 'no', '--appendfilename', `appendonly-${port}.aof`);
    args.push('--appenddirname', `aof-${port}`);
    return { port, url: `redis://127.0.0.1:${port}`, ...redisProcess(args) };
  });
  await Promise.all(nodes.map((node) => node.start()));
  await run(REDIS_CLI, ['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '0', '--cluster-yes']);
  // A node that does not answer yet is not healthy yet.
  const healthy = () =>
    Promise.all(nodes.map((node) => cli(node.port, 'cluster', 'info'))).then((infos) => infos.every((info) => info.includes('cluster_state:ok')), () => false);
  await until(healthy, 'cluster_state:ok on every node');
  // One plain connection per node, for looking: which node serves a slot, which keys a node holds.
  const admins = await Promise.all(
    nodes.map((node) => createClient({ url: node.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } }).on('error', () => {}).connect()),
  );
  const owner = new Map<number, number>();
  for (const [from, to, [, port]] of (await admins[0]!.sendCommand(['CLUSTER', 'SLOTS'])) as [number, number, [string, number]][])
    for (let slot = from; slot <= to; slot++) owner.set(slot, port);
  const live = () => admins.filter((admin) => admin.isReady);
  return {
    nodes,
    rootNodes: nodes.map((node) => ({ url: node.url })),
    /** The port of the master serving `key`'s slot (the slots never move here). */
    async nodeOf(key: string): Promise<number> {
      return owner.get(Number(await live()[0]!.sendCommand(['CLUSTER', 'KEYSLOT', key])))!;
    },
    /** Every key on every live master matching `pattern`. */
    async keys(pattern: string): Promise<string[]> {
      return (await Promise.all(live().map((admin) => admin.keys(pattern)))).flat();
    },
    /** Until every live node says `cluster_state:ok` again (after a restart). */
    healthy: () => until(healthy, 'cluster_state:ok on every node'),
    async stop() {
      for (const admin of admins) admin.destroy();
      await Promise.all(nodes.map((node) => node.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
