import type { FastifyInstance } from 'fastify';

/** Server-Sent Events from the outside, as a browser gets them: the app on a real port and a fetch-based reader. */

export async function listen(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return `http://127.0.0.1:${addr.port}`;
}

/** Wait for `predicate` to hold, polling. */
export async function until(predicate: () => boolean, ms = 5000, what = 'condition') {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface SseMessage {
  event?: string;
  data?: string;
  id?: string;
  retry?: string;
  comment?: string;
}

/** A real EventSource-like reader over fetch. */
export async function openStream(url: string, headers: Record<string, string>) {
  const ac = new AbortController();
  const res = await fetch(url, { headers, signal: ac.signal });
  const messages: SseMessage[] = [];
  let ended = false;
  const pump = (async () => {
    if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) return;
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) m.comment = line.slice(1).trim();
            else {
              const [field, ...rest] = line.split(':');
              (m as Record<string, string>)[field] = rest.join(':').replace(/^ /, '');
            }
          }
          messages.push(m);
        }
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  let seen = 0;
  return {
    res,
    messages,
    get ended() {
      return ended;
    },
    /** The next message that is not a heartbeat comment. */
    async next(ms = 5000): Promise<SseMessage> {
      await until(() => messages.slice(seen).some((m) => !m.comment || m.event || m.data) || ended, ms, 'an SSE message');
      while (seen < messages.length) {
        const m = messages[seen++];
        if (m.event || m.data || m.retry) return m;
      }
      throw new Error('stream ended');
    },
    async close() {
      ac.abort();
      await pump;
    },
  };
}
