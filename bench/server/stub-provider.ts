/**
 * The benchmark's token endpoint: a fixed RFC 6749 answer for any POST, on 127.0.0.1 (its own process),
 * with a Content-Length as real token endpoints send (`CHUNKED=1` sends it chunked instead: the library
 * then reads it through its bounded reader, where the hand-written code lets undici read it unbounded).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const answer = JSON.stringify({ access_token: 'bench-access-token', token_type: 'Bearer', expires_in: 3600 });
const server = createServer((req, res) => {
  req.resume();
  const length = process.env.CHUNKED ? {} : { 'content-length': String(Buffer.byteLength(answer)) };
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...length }).end(answer));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('message', (message) => message === 'stop' && process.exit(0));
