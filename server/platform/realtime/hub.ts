import type { Database } from '../../db/client.ts';
import { decodeEvent, REALTIME_CHANNEL, type DeliveredEvent } from './publish.ts';

/**
 * One LISTEN per process, fanned out to in-process subscribers (SSE streams).
 *
 * - PostgreSQL: a dedicated pg.Client (never a pooled one: LISTEN belongs to a session),
 *   reconnected with exponential backoff when it drops, and checked with a `select 1`
 *   every `healthCheckMs` so a silently dead TCP connection is noticed. After a reconnect
 *   subscribers are told to resync: events published while nobody listened are lost.
 * - PGlite: `pglite.listen()` on the one in-process session.
 *
 * The hub starts lazily (the first `start()` or `subscribe()`), so processes and tests that
 * never stream hold no extra connection.
 */
export interface RealtimeFilter {
  /** Required: a subscriber only ever sees its own org's events (the tenancy wall). */
  orgId: string;
  /** e.g. 'hotline.': only topics starting with it. Omitted: every topic of the org. */
  topicPrefix?: string;
}

export interface SubscribeOptions {
  /** The LISTEN connection was lost and is back: events may have been missed, refetch. */
  onResync?: () => void;
  /** The hub is closing (process shutdown): end the stream. */
  onClose?: () => void;
}

export interface RealtimeHub {
  /** Listen now (idempotent); resolves once LISTEN is active, rejects if it cannot be. */
  start(): Promise<void>;
  /** Fan events matching `filter` to `cb`; returns the unsubscribe function. Starts the hub. */
  subscribe(filter: RealtimeFilter, cb: (event: DeliveredEvent) => void, opts?: SubscribeOptions): () => void;
  readonly listening: boolean;
  /** Subscribers now (for tests and metrics). */
  readonly subscriberCount: number;
  close(): Promise<void>;
}

interface Logger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
}

export interface HubOptions {
  log?: Logger;
  /** PostgreSQL: first reconnect delay, doubled each failure up to maxBackoffMs (with jitter). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** PostgreSQL: how often the LISTEN connection is checked (0 turns it off). */
  healthCheckMs?: number;
}

/** A source of notifications: the driver-specific part (exported for the unit test's fake). */
export interface Listener {
  /** Connect and LISTEN; `onLost` is called (once) if the session is lost afterwards. */
  open(onPayload: (payload: string) => void, onLost: (err: unknown) => void): Promise<void>;
  close(): Promise<void>;
}

interface Sub {
  filter: RealtimeFilter;
  cb: (event: DeliveredEvent) => void;
  opts: SubscribeOptions;
}

export function createRealtimeHub(database: Database, opts: HubOptions = {}): RealtimeHub {
  const listener = database.kind === 'postgres' ? pgListener(database.url!, opts) : pgliteListener(database.pglite);
  return new Hub(listener, database.kind === 'postgres', opts);
}

/** A hub on any listener (the unit test's fake); `reconnects` as on PostgreSQL. */
export function createHubOn(listener: Listener, opts: HubOptions & { reconnects?: boolean } = {}): RealtimeHub {
  return new Hub(listener, opts.reconnects ?? true, opts);
}

class Hub implements RealtimeHub {
  private subs = new Set<Sub>();
  private starting: Promise<void> | null = null;
  private connected = false;
  private closed = false;
  private everConnected = false;
  private failures = 0;
  private lostWhileStarting = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private listener: Listener,
    private reconnects: boolean,
    private opts: HubOptions,
  ) {}

  get listening() {
    return this.connected;
  }

  get subscriberCount() {
    return this.subs.size;
  }

  start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('realtime hub is closed'));
    if (this.connected) return Promise.resolve();
    if (this.starting) return this.starting;
    if (this.retryTimer) {
      // A reconnect is scheduled: someone needs the hub now, so try at once.
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.lostWhileStarting = false;
    const attempt = this.listener
      .open(
        (payload) => this.dispatch(payload),
        (err) => this.lost(err),
      )
      .then(
        () => {
          this.starting = null;
          if (this.closed) {
            void this.listener.close();
            throw new Error('realtime hub is closed');
          }
          const resumed = this.everConnected;
          this.everConnected = true;
          this.failures = 0;
          if (this.lostWhileStarting) {
            // Dropped between LISTEN and here: go again (subscribers get a resync then).
            this.lostWhileStarting = false;
            if (this.reconnects) this.scheduleRetry();
            return;
          }
          this.connected = true;
          if (resumed) this.forEach((s) => s.opts.onResync?.());
        },
        (err) => {
          this.starting = null;
          this.failures++;
          this.opts.log?.warn({ err, failures: this.failures }, 'realtime: LISTEN failed');
          if (this.subs.size > 0) this.scheduleRetry();
          throw err;
        },
      );
    this.starting = attempt;
    return attempt;
  }

  subscribe(filter: RealtimeFilter, cb: (event: DeliveredEvent) => void, opts: SubscribeOptions = {}): () => void {
    if (!filter || typeof filter.orgId !== 'string' || !filter.orgId) throw new TypeError('realtime subscribe needs an orgId');
    if (this.closed) throw new Error('realtime hub is closed');
    const sub: Sub = { filter: { ...filter }, cb, opts };
    this.subs.add(sub);
    this.start().catch(() => {}); // start() logs and schedules retries; the caller awaits start() if it cares
    return () => {
      this.subs.delete(sub);
    };
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subs = [...this.subs];
    this.subs.clear();
    for (const s of subs) safely(() => s.opts.onClose?.(), this.opts.log);
    await this.starting?.catch(() => {});
    this.connected = false;
    await this.listener.close().catch(() => {});
  }

  private dispatch(payload: string) {
    const event = decodeEvent(payload);
    if (!event) {
      this.opts.log?.warn({}, 'realtime: dropped a malformed notification');
      return;
    }
    // Off the driver's stack: a subscriber must never run inside the query loop.
    setImmediate(() => {
      for (const s of this.subs) {
        if (s.filter.orgId !== event.orgId) continue;
        if (s.filter.topicPrefix && !event.topic.startsWith(s.filter.topicPrefix)) continue;
        safely(() => s.cb(event), this.opts.log);
      }
    });
  }

  private forEach(fn: (s: Sub) => void) {
    for (const s of [...this.subs]) safely(() => fn(s), this.opts.log);
  }

  private lost(err: unknown) {
    if (this.closed) return;
    if (this.starting) {
      this.lostWhileStarting = true;
      return;
    }
    this.connected = false;
    this.opts.log?.warn({ err }, 'realtime: LISTEN connection lost; reconnecting');
    if (this.reconnects) this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.closed || this.retryTimer || this.starting || this.connected) return;
    const min = this.opts.minBackoffMs ?? 250;
    const max = this.opts.maxBackoffMs ?? 15_000;
    const base = Math.min(max, min * 2 ** Math.min(this.failures, 16));
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start().catch(() => {});
    }, delay);
    this.retryTimer.unref?.();
  }
}

function safely(fn: () => void, log?: Logger) {
  try {
    fn();
  } catch (err) {
    log?.error({ err }, 'realtime: subscriber failed');
  }
}

function pgListener(url: string, opts: HubOptions): Listener {
  let client: import('pg').Client | null = null;
  let health: NodeJS.Timeout | null = null;
  const stopHealth = () => {
    if (health) clearInterval(health);
    health = null;
  };
  return {
    async open(onPayload, onLost) {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'haven-realtime', query_timeout: 10_000 });
      let lostOnce = false;
      const lose = (err: unknown) => {
        if (lostOnce) return;
        lostOnce = true;
        if (client === c) {
          client = null;
          stopHealth();
        }
        c.removeAllListeners('notification');
        c.end().catch(() => {});
        onLost(err);
      };
      c.on('error', (err) => lose(err));
      c.on('end', () => lose(new Error('connection ended')));
      c.on('notification', (msg) => {
        if (msg.channel === REALTIME_CHANNEL && msg.payload) onPayload(msg.payload);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${REALTIME_CHANNEL}`);
      } catch (err) {
        lostOnce = true; // a failed open is reported by rejecting, not as a loss
        c.removeAllListeners('notification');
        await c.end().catch(() => {});
        throw err;
      }
      client = c;
      const every = opts.healthCheckMs ?? 30_000;
      if (every > 0) {
        health = setInterval(() => {
          c.query('select 1').catch((err) => lose(err));
        }, every);
        health.unref?.();
      }
    },
    async close() {
      stopHealth();
      const c = client;
      client = null;
      if (!c) return;
      c.removeAllListeners('end');
      c.removeAllListeners('error');
      c.on('error', () => {});
      c.removeAllListeners('notification');
      await c.end().catch(() => {});
    },
  };
}

interface PgliteLike {
  listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>>;
  closed?: boolean;
}

function pgliteListener(pglite: unknown): Listener {
  const db = pglite as PgliteLike;
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async open(onPayload) {
      if (!db || typeof db.listen !== 'function') throw new Error('realtime: no PGlite instance to listen on');
      // PGlite is one session: LISTEN waits for any open transaction, so do not call start() from inside one.
      unlisten = await db.listen(REALTIME_CHANNEL, (payload) => onPayload(payload));
    },
    async close() {
      const u = unlisten;
      unlisten = null;
      if (u && !db.closed) await u().catch(() => {});
    },
  };
}
