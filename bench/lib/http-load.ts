import { Worker } from 'node:worker_threads';

/**
 * A bounded HTTP load generator on its own thread (its own event loop), so the client's
 * work does not queue behind the server's in the measuring process. Keep-alive sockets,
 * `concurrency` requests in flight, exactly `requests` requests, loopback only.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, paths, requests, concurrency, headers } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const once = (path) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
    res.on('data', () => {});
    res.on('end', () => res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(path + ' answered ' + res.statusCode)));
  });
  req.setTimeout(30000, () => req.destroy(new Error('timeout')));
  req.on('error', reject);
});
(async () => {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => { while (next < requests) { const i = next++; latencies.push(await once(paths[i % paths.length])); } };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, lane));
  const wallMs = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ latencies, wallMs });
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

export function httpLoad(opts: { port: number; paths: string[]; requests: number; concurrency: number; headers?: Record<string, string> }): Promise<{ latencies: number[]; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { ...opts, headers: opts.headers ?? {} } });
    worker.once('message', (m: { latencies: number[]; wallMs: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}
