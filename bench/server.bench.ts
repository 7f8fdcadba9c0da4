/**
 * `npm run bench:server` — a benchmark, not a test. Against the BBaton stand-in on 127.0.0.1:
 * 1. the handler's own cost per exchange: median time of a full handler exchange minus the median of
 *    the same two upstream calls (token + /v2/user/me) made directly;
 * 2. 500 concurrent exchanges through the handler: how many fail.
 * Target: overhead under 1 ms median, no error under concurrency.
 */
import { startBbaton } from '../demo/stand-ins/bbaton.js';
import { createLoginHandler } from '../src/server/index.js';

const APP = 'https://app.example';
const REDIRECT_URI = `${APP}/callback.html`;
const client = { clientId: 'JDJhJDA0+bench/id==', clientSecret: 'bench-secret', redirectUris: [REDIRECT_URI] };
const RUNS = 400;
const CONCURRENT = 500;

const bbaton = await startBbaton(client);
const handler = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { bbaton: { ...client, ...bbaton.endpoints } } });
const basic = 'Basic ' + Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');

async function direct(): Promise<void> {
  const token = await fetch(bbaton.endpoints.tokenEndpoint, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: bbaton.issueCode(REDIRECT_URI), redirect_uri: REDIRECT_URI }),
  });
  const { token_type, access_token } = (await token.json()) as { token_type: string; access_token: string };
  const me = await fetch(bbaton.endpoints.userinfoEndpoint, { headers: { authorization: `${token_type} ${access_token}` } });
  if (!me.ok) throw new Error(`direct call failed: ${me.status}`);
  await me.json();
}

async function throughHandler(): Promise<number> {
  const response = await handler(
    new Request(`${APP}/auth/bbaton`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ code: bbaton.issueCode(REDIRECT_URI), redirectUri: REDIRECT_URI }),
    }),
  );
  await response.arrayBuffer();
  return response.status;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => xs[Math.floor(xs.length * 0.95)]!;

// Warm up both paths (JIT, keep-alive sockets), then alternate to share the machine's noise.
for (let i = 0; i < 50; i++) await Promise.all([direct(), throughHandler()]);
const directTimes: number[] = [];
const handlerTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  directTimes.push(await time(direct));
  handlerTimes.push(await time(throughHandler));
}
directTimes.sort((a, b) => a - b);
handlerTimes.sort((a, b) => a - b);

const statuses = await Promise.all(Array.from({ length: CONCURRENT }, () => throughHandler().catch(() => 0)));
const errors = statuses.filter((s) => s !== 200).length;

const overhead = median(handlerTimes) - median(directTimes);
const ms = (n: number) => n.toFixed(3);
console.log(`| measure (BBaton stand-in, ${RUNS} runs) | median ms | p95 ms |`);
console.log('| --- | ---: | ---: |');
console.log(`| direct: token + user calls | ${ms(median(directTimes))} | ${ms(p95(directTimes))} |`);
console.log(`| through the handler | ${ms(median(handlerTimes))} | ${ms(p95(handlerTimes))} |`);
console.log(`| handler overhead (difference of medians) | ${ms(overhead)} | |`);
console.log(`\n| concurrency | exchanges | errors |\n| --- | ---: | ---: |\n| all at once | ${CONCURRENT} | ${errors} |`);
console.log(`\ntarget: overhead < 1 ms median — ${overhead < 1 ? 'met' : 'NOT met'}; errors = 0 — ${errors === 0 ? 'met' : 'NOT met'}`);
await bbaton.close();
process.exit(errors === 0 ? 0 : 1);
