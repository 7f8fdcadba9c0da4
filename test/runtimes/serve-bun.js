// Bun: the bundled worker module on Bun.serve, env from Bun.env; prints the port it listens on.
import worker from './worker.bundle.js';
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request) => worker.fetch(request, Bun.env) });
console.log(`listening ${server.port}`);
