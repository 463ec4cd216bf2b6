import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../db/client.ts';
import { decodeEvent, encodeEvent, MAX_PAYLOAD_BYTES, publish, RealtimePayloadTooLargeError } from './publish.ts';

const orgId = '0190f1c2-0000-7000-8000-000000000001';

/** A stand-in for a transaction that records what would have been executed. */
const recorder = () => {
  const calls: unknown[] = [];
  return { db: { execute: async (q: unknown) => void calls.push(q) } as unknown as DbOrTx, calls };
};

describe('realtime payloads', () => {
  it('round-trips an event with an id', () => {
    const wire = encodeEvent({ orgId, topic: 'hotline.conversation', data: { id: 'c1', change: 'assigned' } }, 'evt-1');
    expect(decodeEvent(wire)).toEqual({ id: 'evt-1', orgId, topic: 'hotline.conversation', data: { id: 'c1', change: 'assigned' } });
    expect(JSON.parse(encodeEvent({ orgId, topic: 'hotline.conversation', data: {} })).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a payload over the NOTIFY limit, before touching the database', async () => {
    const big = { orgId, topic: 'hotline.conversation', data: { ids: Array.from({ length: 400 }, (_, i) => `0190f1c2-0000-7000-8000-${String(i).padStart(12, '0')}`) } };
    expect(() => encodeEvent(big)).toThrow(RealtimePayloadTooLargeError);
    const { db, calls } = recorder();
    await expect(publish(db, big)).rejects.toThrow(/NOTIFY allows at most 7999/);
    expect(calls).toHaveLength(0);
  });

  it('counts bytes, not characters (Hangul is three bytes each)', () => {
    const fits = 'a'.repeat(MAX_PAYLOAD_BYTES - 200);
    expect(() => encodeEvent({ orgId, topic: 'hotline.x', data: { kind: fits } })).not.toThrow();
    const hangul = '가'.repeat(Math.ceil((MAX_PAYLOAD_BYTES - 200) / 2));
    expect(hangul.length).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(() => encodeEvent({ orgId, topic: 'hotline.x', data: { kind: hangul } })).toThrow(RealtimePayloadTooLargeError);
  });

  it('publishes a small event as one pg_notify on the given executor', async () => {
    const { db, calls } = recorder();
    await publish(db, { orgId, topic: 'hotline.conversation', data: { id: 'c1', change: 'created' } });
    expect(calls).toHaveLength(1);
  });

  it('wants an org, a dotted topic and flat data (ids and kinds, not rows)', () => {
    expect(() => encodeEvent({ orgId: '', topic: 'hotline.x', data: {} })).toThrow(/orgId/);
    expect(() => encodeEvent({ orgId, topic: 'hotline', data: {} })).toThrow(/topic/);
    expect(() => encodeEvent({ orgId, topic: 'Hotline.X\n', data: {} })).toThrow(/topic/);
    expect(() => encodeEvent({ orgId, topic: 'hotline.x', data: { person: { name: 'Minjun Kim' } } })).toThrow(/data\.person/);
    expect(() => encodeEvent({ orgId, topic: 'hotline.x', data: { ids: ['a', 'b'], n: 2, urgent: true, was: null } })).not.toThrow();
  });

  it('drops malformed notifications', () => {
    expect(decodeEvent('not json')).toBeNull();
    expect(decodeEvent(JSON.stringify({ orgId, topic: 'hotline.x', data: {} }))).toBeNull();
    expect(decodeEvent('')).toBeNull();
  });
});
