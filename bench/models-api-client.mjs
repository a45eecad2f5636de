import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The client side of the single-score benchmark, in a worker thread of its own: as the console's
 * browser is, it is not in the server's event loop, so its request building and response parsing
 * do not queue in front of the server's work. One kept-alive connection through `node:http`
 * (fetch allocated enough per request for 5–8 ms scavenges every few hundred requests, which
 * were most of the measured p99), one request at a time; posts back the measured latencies.
 * Plain JavaScript: a worker thread does not inherit tsx's loader.
 */

/** @type {{ url: string, headers: Record<string, string>, body: string, warmUp: number, requests: number }} */
const job = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const headers = { ...job.headers, 'content-length': Buffer.byteLength(job.body) };

/** @returns {Promise<void>} */
function post() {
  return new Promise((resolve, reject) => {
    const req = request(job.url, { method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve();
        else reject(new Error(`score answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(job.body);
  });
}

for (let i = 0; i < job.warmUp; i++) await post();
const latencies = [];
for (let i = 0; i < job.requests; i++) {
  const started = performance.now();
  await post();
  latencies.push(performance.now() - started);
}
agent.destroy();
parentPort?.postMessage(latencies);
