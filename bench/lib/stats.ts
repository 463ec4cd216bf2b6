/** Latency summaries. Percentiles by nearest rank on the sorted sample (no interpolation). */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, min: NaN, max: NaN, mean: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), min: s[0], max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export const median = (xs: number[]) => summarize(xs).p50;

/** Milliseconds since `t0` (from performance.now()), rounded to microseconds. */
export const since = (t0: number) => Math.round((performance.now() - t0) * 1000) / 1000;

/** Run `fn` n times one after another; latencies in ms. */
export async function timeSerial(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(since(t0));
  }
  return out;
}

/** Run `fn` n times with `concurrency` in flight; latencies in ms and the wall time. */
export async function timeConcurrent(n: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      latencies.push(since(t0));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return { latencies, wallMs: since(started) };
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
