import { Worker } from 'node:worker_threads';

/**
 * Open-loop load on its own thread: request i starts at t0 + i / rate whatever the server
 * does, and its latency counts from that planned start, so a server that falls behind shows
 * it (no coordinated omission). POSTs with per-request bodies and headers, keep-alive,
 * loopback only; stops after the last request answers (or times out at 30 s).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, requests, rate, maxSockets } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets });
const once = (r, planned) => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path: r.path, method: 'POST', agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } }, (res) => {
    res.on('data', () => {});
    res.on('end', () => resolve({ ms: performance.now() - planned, status: res.statusCode }));
  });
  req.setTimeout(30000, () => req.destroy(new Error('timeout')));
  req.on('error', () => resolve({ ms: performance.now() - planned, status: 0 }));
  req.end(r.body);
});
(async () => {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < requests.length; i++) {
    const planned = started + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Sent up to 1 ms early (the timer's slack): count from the send, never before it.
    pending.push(once(requests[i], Math.min(planned, performance.now())));
  }
  const results = await Promise.all(pending);
  const wallMs = performance.now() - started;
  agent.destroy();
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] || 0) + 1;
  parentPort.postMessage({ latencies: results.map((r) => r.ms), statuses, wallMs });
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

export interface RateRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export function rateLoad(opts: { port: number; requests: RateRequest[]; rate: number; maxSockets?: number }): Promise<{ latencies: number[]; statuses: Record<string, number>; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { port: opts.port, requests: opts.requests, rate: opts.rate, maxSockets: opts.maxSockets ?? 128 } });
    worker.once('message', (m: { latencies: number[]; statuses: Record<string, number>; wallMs: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}
