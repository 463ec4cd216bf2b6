import { describe, expect, it } from 'vitest';
import { createHubOn, type Listener } from './hub.ts';
import { encodeEvent } from './publish.ts';

/** A listener whose connection the test controls. */
function fakeListener() {
  const state = { opens: 0, closes: 0, failNext: 0, push: (_p: string) => {}, drop: (_e: unknown) => {} };
  const listener: Listener = {
    async open(onPayload, onLost) {
      state.opens++;
      if (state.failNext > 0) {
        state.failNext--;
        throw new Error('connection refused');
      }
      state.push = onPayload;
      state.drop = onLost;
    },
    async close() {
      state.closes++;
    },
  };
  return { listener, state };
}

const until = async (p: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!p()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('realtime hub', () => {
  it('starts lazily, fans out by org and topic, and unsubscribes', async () => {
    const { listener, state } = fakeListener();
    const hub = createHubOn(listener, { minBackoffMs: 1, maxBackoffMs: 5 });
    expect(state.opens).toBe(0);
    const got: string[] = [];
    const stop = hub.subscribe({ orgId: 'a', topicPrefix: 'hotline.' }, (e) => got.push(`${e.orgId}:${e.topic}`));
    await hub.start();
    expect(state.opens).toBe(1);
    state.push(encodeEvent({ orgId: 'b', topic: 'hotline.conversation', data: {} }));
    state.push(encodeEvent({ orgId: 'a', topic: 'alerts.broadcast', data: {} }));
    state.push(encodeEvent({ orgId: 'a', topic: 'hotline.conversation', data: {} }));
    state.push('garbage');
    await until(() => got.length === 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual(['a:hotline.conversation']);
    stop();
    expect(hub.subscriberCount).toBe(0);
    await hub.close();
    expect(state.closes).toBe(1);
  });

  it('reconnects with backoff after a loss and tells subscribers to resync', async () => {
    const { listener, state } = fakeListener();
    const hub = createHubOn(listener, { minBackoffMs: 1, maxBackoffMs: 5 });
    let resyncs = 0;
    hub.subscribe({ orgId: 'a' }, () => {}, { onResync: () => resyncs++ });
    await hub.start();
    state.failNext = 2; // the first two reconnects fail
    state.drop(new Error('server closed the connection'));
    expect(hub.listening).toBe(false);
    await until(() => hub.listening);
    expect(state.opens).toBe(4);
    expect(resyncs).toBe(1);
    await hub.close();
  });

  it('a subscriber that throws does not stop the others', async () => {
    const { listener, state } = fakeListener();
    const hub = createHubOn(listener);
    const got: string[] = [];
    hub.subscribe({ orgId: 'a' }, () => {
      throw new Error('boom');
    });
    hub.subscribe({ orgId: 'a' }, (e) => got.push(e.topic));
    await hub.start();
    state.push(encodeEvent({ orgId: 'a', topic: 'hotline.x', data: {} }));
    await until(() => got.length === 1);
    await hub.close();
  });

  it('close ends the subscribers and refuses new ones', async () => {
    const { listener } = fakeListener();
    const hub = createHubOn(listener);
    let closed = 0;
    hub.subscribe({ orgId: 'a' }, () => {}, { onClose: () => closed++ });
    await hub.start();
    await hub.close();
    expect(closed).toBe(1);
    expect(() => hub.subscribe({ orgId: 'a' }, () => {})).toThrow(/closed/);
    await expect(hub.start()).rejects.toThrow(/closed/);
  });
});
