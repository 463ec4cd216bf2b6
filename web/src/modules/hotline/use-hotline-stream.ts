import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { sessionKey, useSession } from '../auth/session.ts';
import { adminKeys } from './hotline-admin.api.ts';
import { inboxKeys } from './hotline.api.ts';

export const HOTLINE_STREAM_URL = '/api/v1/hotline/stream';

/** connecting: first connection; live: events flow; reconnecting: the connection dropped and is being re-made. */
export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** Events come in bursts (a surge, a bulk reassign): refetch at most this often. */
const COALESCE_MS = 300;
/** While a fetch of the same data is running, wait for it rather than cancel it (at most this many times). */
const MAX_WAITS = 10;
/** Kept open this long after the last page using it goes (list → conversation → back keeps one connection). */
const LINGER_MS = 5000;
const MIN_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;
/**
 * The server ends each stream after ~10 minutes and the browser reconnects within seconds:
 * say "interrupted" only when a reconnect takes longer than this.
 */
const QUIET_RECONNECT_MS = 5000;

/**
 * One EventSource per app (per query client), shared by every page that shows hotline data.
 * The server's events are hints ({ id, change }), never data: on each one the lists are
 * refetched and, if it is on screen, the conversation it names; a callback event refetches
 * the callback queue, a settings event the settings. On `ready` (every connection, so also
 * after a reconnect) and `resync` (the server may have missed events) everything shown is
 * refetched.
 *
 * The browser reconnects a dropped stream by itself; when the server refuses it instead
 * (signed out, role changed, server restarting) we retry with backoff and re-check the session.
 */
export class HotlineStream {
  private source: EventSource | null = null;
  private users = 0;
  private state: StreamState = 'connecting';
  private readonly subscribers = new Set<() => void>();
  private lingerTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private interruptedTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private waits = 0;
  private pendingAll = false;
  private pendingLists = false;
  private pendingCallbacks = false;
  private pendingSettings = false;
  private readonly pendingIds = new Set<string>();
  /** The org the open connection streams: the server binds a stream to the org current when it connects. */
  private orgId: string | null = null;

  constructor(private readonly qc: QueryClient) {}

  readonly subscribe = (cb: () => void) => {
    this.subscribers.add(cb);
    return () => {
      this.subscribers.delete(cb);
    };
  };

  readonly getState = () => this.state;

  acquire(orgId: string | null) {
    this.users++;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    if (orgId !== this.orgId) {
      // Switched affiliate while a connection lingered: it carries the other org's events.
      this.disconnect();
      this.orgId = orgId;
    }
    if (!this.source && !this.retryTimer) this.open();
  }

  release() {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => this.close(), LINGER_MS);
  }

  private setState(next: StreamState) {
    if (next === this.state) return;
    this.state = next;
    for (const cb of this.subscribers) cb();
  }

  private open() {
    if (typeof EventSource === 'undefined') return; // very old browsers: the page still works, without live updates
    const es = new EventSource(HOTLINE_STREAM_URL);
    this.source = es;
    es.addEventListener('ready', () => {
      this.failures = 0;
      this.clearInterrupted();
      this.setState('live');
      this.refreshAll();
    });
    es.addEventListener('resync', () => this.refreshAll());
    es.onmessage = (e: MessageEvent<string>) => {
      const data = parseEvent(e.data);
      if (!data) return;
      if (data.topic === 'hotline.callback') this.pendingCallbacks = true;
      else if (data.topic === 'hotline.settings') this.pendingSettings = true;
      else {
        this.pendingLists = true;
        // A new voicemail or surge callback is announced only as a change to its conversation.
        if (data.topic === 'hotline.conversation') this.pendingCallbacks = true;
      }
      if (data.id && data.topic === 'hotline.conversation') this.pendingIds.add(data.id);
      this.scheduleFlush();
    };
    es.onerror = () => {
      if (this.source !== es) return;
      if (this.state === 'live' && !this.interruptedTimer) {
        this.interruptedTimer = setTimeout(() => {
          this.interruptedTimer = null;
          this.setState('reconnecting');
        }, QUIET_RECONNECT_MS);
      }
      if (es.readyState !== EventSource.CLOSED) return; // the browser is reconnecting by itself
      // Refused (401, 403, 503…): the browser gives up, so we try again later; meanwhile see whether the session ended.
      this.clearInterrupted();
      this.setState('reconnecting');
      es.close();
      this.source = null;
      void this.qc.invalidateQueries({ queryKey: sessionKey });
      this.scheduleRetry();
    };
  }

  private scheduleRetry() {
    if (this.retryTimer || this.users === 0) return;
    const base = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.min(this.failures, 10));
    this.failures++;
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.users > 0 && !this.source) this.open();
    }, delay);
  }

  /** Back online or back on screen: do not wait out the backoff. */
  retryNow() {
    if (this.source || this.users === 0) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  private close() {
    this.lingerTimer = null;
    this.disconnect();
  }

  private clearInterrupted() {
    if (this.interruptedTimer) clearTimeout(this.interruptedTimer);
    this.interruptedTimer = null;
  }

  private disconnect() {
    this.clearInterrupted();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.source?.close();
    this.source = null;
    this.failures = 0;
    this.setState('connecting');
  }

  private refreshAll() {
    this.pendingAll = true;
    this.scheduleFlush();
  }

  private scheduleFlush(ms = COALESCE_MS) {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), ms);
  }

  /**
   * Refetch what the events named. A refetch must start after the event, so one already
   * running is waited for rather than reused; it is not cancelled either, or a steady
   * stream of events would keep a slow list from ever arriving.
   */
  private flush() {
    this.flushTimer = null;
    if (this.qc.isFetching({ queryKey: inboxKeys.conversations }) > 0 && this.waits < MAX_WAITS) {
      this.waits++;
      this.scheduleFlush();
      return;
    }
    this.waits = 0;
    if (this.pendingAll) {
      void this.qc.invalidateQueries({ queryKey: inboxKeys.conversations });
    } else {
      if (this.pendingLists) void this.qc.invalidateQueries({ queryKey: inboxKeys.lists });
      for (const id of this.pendingIds) void this.qc.invalidateQueries({ queryKey: inboxKeys.detail(id) });
    }
    // Only queries on screen refetch; the others are just marked stale.
    if (this.pendingAll || this.pendingCallbacks) void this.qc.invalidateQueries({ queryKey: adminKeys.callbacks });
    if (this.pendingAll || this.pendingSettings) void this.qc.invalidateQueries({ queryKey: adminKeys.settings });
    this.pendingAll = false;
    this.pendingLists = false;
    this.pendingCallbacks = false;
    this.pendingSettings = false;
    this.pendingIds.clear();
  }
}

/** `{ id, topic, data: { id, change } }`; anything else is ignored. */
function parseEvent(raw: string): { topic: string; id: string | null } | null {
  try {
    const msg = JSON.parse(raw) as { topic?: unknown; data?: { id?: unknown } };
    if (typeof msg.topic !== 'string' || !msg.topic.startsWith('hotline.')) return null;
    return { topic: msg.topic, id: typeof msg.data?.id === 'string' ? msg.data.id : null };
  } catch {
    return null;
  }
}

const streams = new WeakMap<QueryClient, HotlineStream>();
function streamFor(qc: QueryClient) {
  let s = streams.get(qc);
  if (!s) {
    s = new HotlineStream(qc);
    streams.set(qc, s);
  }
  return s;
}

/**
 * Keep the inbox data on screen in step with the server while the calling component is
 * mounted. Returns the connection state, for a "live" indicator.
 */
export function useHotlineStream(): StreamState {
  const qc = useQueryClient();
  const orgId = useSession().currentOrgId;
  const stream = streamFor(qc);
  useEffect(() => {
    stream.acquire(orgId);
    const wake = () => {
      if (document.visibilityState !== 'hidden') stream.retryNow();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
      stream.release();
    };
  }, [stream, orgId]);
  return useSyncExternalStore(stream.subscribe, stream.getState, stream.getState);
}
