import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AlertProgress } from '../../../contracts/alerts.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { progressOf } from './alert-progress.ts';

const INTERVAL_MS = 2_000;
/** The stream ends after this long and the browser reconnects: its authorization is checked again then. */
const LIFETIME_MS = 10 * 60_000;
const FINAL = new Set(['sent', 'canceled']);

/**
 * One progress computation per alert per interval in this process, however many people
 * watch it (an organizer's whole team opens the page during a big send).
 */
const cache = new Map<string, { at: number; value: Promise<AlertProgress> }>();
function cachedProgress(deps: Deps, alertId: string): Promise<AlertProgress> {
  const hit = cache.get(alertId);
  if (hit && Date.now() - hit.at < INTERVAL_MS - 100) return hit.value;
  const value = progressOf(deps, alertId);
  cache.set(alertId, { at: Date.now(), value });
  value.catch(() => cache.delete(alertId));
  return value;
}

/**
 * Server-Sent Events of an alert's progress: `event: progress` with the AlertProgress JSON
 * every 2 seconds while it changes, one last one when the alert is sent or canceled, then the
 * stream ends. Counts are polled, not pushed: delivery statuses arrive from carriers in the
 * messaging module, which knows nothing of alerts. The caller has checked access.
 */
export async function streamProgress(req: FastifyRequest, reply: FastifyReply, deps: Deps, alertId: string): Promise<void> {
  const accept = String(req.headers.accept ?? '');
  if (!/(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept)) throw new AppError('not_acceptable', 406, { type: 'text/event-stream' });
  const streams = req.server.havenSseStreams;
  if (!streams) throw new Error('installSse(app) was not called for this app');
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-store, no-transform',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  return new Promise<void>((resolve) => {
    let done = false;
    let last = '';
    const end = () => {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(lifetime);
      streams.delete(end);
      res.off('close', end);
      if (!res.writableEnded && !res.destroyed) res.end();
      resolve();
    };
    const tick = async () => {
      try {
        const p = await cachedProgress(deps, alertId);
        if (done) return;
        const { at: _at, ...rest } = p;
        const key = JSON.stringify(rest);
        if (key !== last) {
          last = key;
          res.write(`event: progress\ndata: ${JSON.stringify(p)}\n\n`);
        } else res.write(': ping\n\n');
        if (FINAL.has(p.status)) end();
      } catch (err) {
        deps.log.warn({ err, alertId }, 'alert progress failed');
      }
    };
    const timer = setInterval(tick, INTERVAL_MS);
    const lifetime = setTimeout(end, LIFETIME_MS);
    streams.add(end);
    res.on('close', end);
    void tick();
  });
}
