// Deno: the bundled worker module on Deno.serve, env from Deno.env; prints the port it listens on.
import worker from './worker.bundle.js';
const env = Deno.env.toObject();
Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening ${port}`) }, (request) => worker.fetch(request, env));
