import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { RealtimeHub } from './hub.ts';
import type { DeliveredEvent } from './publish.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Open Server-Sent Event streams: each entry ends its stream (see installSse). */
    havenSseStreams?: Set<() => void>;
  }
}

/**
 * Let `streamEvents` run on this app: tracks the open streams and ends them when the app
 * closes (an open stream would otherwise keep `app.close()` waiting forever). The browser
 * reconnects, to another process if this one is going away.
 */
export function installSse(app: FastifyInstance) {
  const streams = new Set<() => void>();
  app.decorate('havenSseStreams', streams);
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
}

export interface SseOptions {
  /** Required: the org whose events this stream carries, and no other (the tenancy wall). */
  orgId: string;
  /** Only topics starting with this, e.g. 'hotline.'. */
  topicPrefix: string;
  /** Narrower still, e.g. one conversation's events for a guest of the org (see hotline transfers). */
  only?: (event: DeliveredEvent) => boolean;
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** How long the browser waits before reconnecting (the `retry:` field). */
  retryMs?: number;
  /**
   * The stream ends after about this long (±10 %) and the browser reconnects: authorization
   * is checked once per connection, so a revoked session or a changed role takes effect
   * within this time, and connections spread again over the web processes.
   */
  maxLifetimeMs?: number;
  /** A client this far behind (bytes buffered) is cut off; it resyncs when it reconnects. */
  maxBufferedBytes?: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Answer a request with a Server-Sent Event stream of the hub's events for one org.
 * Authorization is the caller's (the route's policy); this only needs the org.
 *
 * Errors before the stream opens (no `Accept: text/event-stream` → 406, the hub cannot
 * listen → 503) are thrown as usual; after that the reply is hijacked and written raw.
 * The promise resolves when the stream ends (client gone, lifetime reached, app closing).
 *
 * Wire format: `retry:` first, then `event: ready` (clients load or reload their list on
 * it, on every connection), then one unnamed event per change, `id: <event id>` and
 * `data: {"id","topic","data"}`, and `event: resync` if this process's LISTEN connection
 * was lost (events may have been missed: reload). Comment lines (`: ping`) are heartbeats.
 */
export async function streamEvents(req: FastifyRequest, reply: FastifyReply, hub: RealtimeHub, opts: SseOptions): Promise<void> {
  const { orgId, topicPrefix } = opts;
  if (typeof orgId !== 'string' || !orgId) throw new TypeError('streamEvents needs the org whose events it streams');
  const heartbeatMs = opts.heartbeatMs ?? 20_000;
  const retryMs = opts.retryMs ?? 3_000;
  const maxLifetimeMs = opts.maxLifetimeMs ?? 10 * 60_000;
  const maxBuffered = opts.maxBufferedBytes ?? 256 * 1024;

  const accept = String(req.headers.accept ?? '');
  if (!/(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept)) throw new AppError('not_acceptable', 406, { type: 'text/event-stream' });
  const streams = req.server.havenSseStreams;
  if (!streams) throw new Error('installSse(app) was not called for this app');

  try {
    await hub.start();
  } catch {
    throw new AppError('realtime_unavailable', 503);
  }
  // The client may have gone while the hub connected.
  // (Not req.raw.destroyed: a request whose body has been read is destroyed at once.)
  if (reply.raw.destroyed || req.raw.socket?.destroyed) return;

  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v as string | number | string[];
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-store, no-transform',
    'x-accel-buffering': 'no',
    ...(req.raw.httpVersionMajor < 2 ? { connection: 'keep-alive' } : {}),
  });
  req.raw.socket?.setNoDelay?.(true);

  return new Promise<void>((resolve) => {
    let done = false;
    const write = (chunk: string) => {
      if (done || res.writableEnded || res.destroyed) return;
      res.write(chunk);
      if (res.writableLength > maxBuffered) end();
    };
    const end = () => {
      if (done) return;
      done = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      streams.delete(end);
      res.off('close', end);
      res.off('error', end);
      if (!res.writableEnded && !res.destroyed) res.end();
      resolve();
    };

    const unsubscribe = hub.subscribe(
      { orgId, topicPrefix },
      (event: DeliveredEvent) => {
        // The hub filters already; checked again here because this is the wall.
        if (event.orgId !== orgId || !event.topic.startsWith(topicPrefix)) return;
        if (opts.only && !opts.only(event)) return;
        const id = SAFE_ID.test(event.id) ? `id: ${event.id}\n` : '';
        write(`${id}data: ${JSON.stringify({ id: event.id, topic: event.topic, data: event.data })}\n\n`);
      },
      { onResync: () => write('event: resync\ndata: {}\n\n'), onClose: () => end() },
    );
    const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
    const lifetime = setTimeout(end, Math.round(maxLifetimeMs * (0.9 + Math.random() * 0.2)));
    heartbeat.unref?.();
    lifetime.unref?.();
    streams.add(end);
    // The response's 'close' is the client going away (the request's fires once it is read).
    res.on('close', end);
    res.on('error', end);

    write(`retry: ${retryMs}\n\nevent: ready\ndata: {}\n\n`);
  });
}
