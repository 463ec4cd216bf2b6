import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOTLINE_STREAM_URL, HotlineStream } from './use-hotline-stream.ts';

/** Just enough of the browser's EventSource to drive the stream by hand. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, cb: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), cb]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string) {
    this.readyState = FakeEventSource.OPEN;
    for (const cb of this.listeners.get(type) ?? []) cb();
  }
  message(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) });
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.();
  }
}

const change = (id: string) => ({ id: 'evt', topic: 'hotline.conversation', data: { id, change: 'message' } });

describe('the hotline stream', () => {
  let qc: QueryClient;
  let invalidated: unknown[][];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.all = [];
    qc = new QueryClient();
    invalidated = [];
    vi.spyOn(qc, 'invalidateQueries').mockImplementation(async (filters) => {
      invalidated.push([...((filters as { queryKey: readonly unknown[] }).queryKey ?? [])]);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('refetches everything shown on ready, then coalesces events into one list refetch and one per conversation', () => {
    const s = new HotlineStream(qc);
    s.acquire('org-1');
    expect(FakeEventSource.all.map((e) => e.url)).toEqual([HOTLINE_STREAM_URL]);
    const es = FakeEventSource.all[0];
    expect(s.getState()).toBe('connecting');

    es.emit('ready');
    expect(s.getState()).toBe('live');
    vi.advanceTimersByTime(300);
    expect(invalidated).toEqual([['hotline', 'conversations'], ['hotline', 'callbacks'], ['hotline', 'settings']]);

    invalidated = [];
    es.message(change('a'));
    es.message(change('b'));
    es.message(change('a'));
    es.message({ id: 'x', topic: 'alerts.broadcast', data: {} }); // not ours
    es.onmessage?.({ data: 'not json' });
    vi.advanceTimersByTime(300);
    expect(invalidated).toEqual([
      ['hotline', 'conversations', 'list'],
      ['hotline', 'conversations', 'detail', 'a'],
      ['hotline', 'conversations', 'detail', 'b'],
      // A voicemail or surge callback is announced as a conversation change.
      ['hotline', 'callbacks'],
    ]);
  });

  it('refetches the callback queue on a callback event and the settings on a settings event, not the inbox', () => {
    const s = new HotlineStream(qc);
    s.acquire('org-1');
    const es = FakeEventSource.all[0];
    es.message({ id: 'e1', topic: 'hotline.callback', data: { id: 'cb-1', change: 'claimed' } });
    es.message({ id: 'e2', topic: 'hotline.callback', data: { id: 'cb-2', change: 'done' } });
    vi.advanceTimersByTime(300);
    expect(invalidated).toEqual([['hotline', 'callbacks']]);

    invalidated = [];
    es.message({ id: 'e3', topic: 'hotline.settings', data: { change: 'updated' } });
    vi.advanceTimersByTime(300);
    expect(invalidated).toEqual([['hotline', 'settings']]);
  });

  it('waits for a fetch already running instead of cancelling it', () => {
    const s = new HotlineStream(qc);
    s.acquire('org-1');
    const fetching = vi.spyOn(qc, 'isFetching').mockReturnValue(1);
    FakeEventSource.all[0].message(change('a'));
    vi.advanceTimersByTime(900);
    expect(invalidated).toEqual([]);
    fetching.mockReturnValue(0);
    vi.advanceTimersByTime(300);
    expect(invalidated[0]).toEqual(['hotline', 'conversations', 'list']);
  });

  it('says nothing about a quick reconnect, but reports a refused stream, re-checks the session and retries', () => {
    const s = new HotlineStream(qc);
    s.acquire('org-1');
    const first = FakeEventSource.all[0];
    first.emit('ready');
    first.fail(FakeEventSource.CONNECTING); // the server ended the stream; the browser reconnects
    vi.advanceTimersByTime(1000);
    first.emit('ready');
    vi.advanceTimersByTime(10_000);
    expect(s.getState()).toBe('live');

    invalidated = [];
    first.fail(FakeEventSource.CLOSED); // e.g. 401: the browser gives up
    expect(s.getState()).toBe('reconnecting');
    expect(invalidated).toContainEqual(['session']);
    vi.advanceTimersByTime(2000);
    expect(FakeEventSource.all).toHaveLength(2);
    FakeEventSource.all[1].emit('ready');
    expect(s.getState()).toBe('live');
  });

  it('lingers briefly after the last page goes, and starts over for another affiliate', () => {
    const s = new HotlineStream(qc);
    s.acquire('org-1');
    s.release();
    vi.advanceTimersByTime(1000);
    s.acquire('org-1'); // list → conversation: the same connection
    expect(FakeEventSource.all).toHaveLength(1);
    s.release();
    s.acquire('org-2');
    expect(FakeEventSource.all[0].closed).toBe(true);
    expect(FakeEventSource.all).toHaveLength(2);
    s.release();
    vi.advanceTimersByTime(5000);
    expect(FakeEventSource.all[1].closed).toBe(true);
  });
});
