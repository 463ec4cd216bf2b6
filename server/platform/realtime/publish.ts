import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** The one NOTIFY channel every Haven process listens on. */
export const REALTIME_CHANNEL = 'haven_realtime';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7999;

/**
 * A hint that something changed: ids and kinds only, never message bodies or personal
 * data (payloads pass through PostgreSQL unencrypted and reach every listening process).
 * Clients refetch the data itself through the API, which applies the usual authorization.
 */
export interface RealtimeEvent {
  orgId: string;
  /** Dotted, module first: 'hotline.conversation', 'alerts.broadcast'. */
  topic: string;
  data: Record<string, unknown>;
}

/** An event as subscribers receive it: `id` is set at publish, the same in every process. */
export interface DeliveredEvent extends RealtimeEvent {
  id: string;
}

export class RealtimePayloadTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`realtime payload is ${bytes} bytes; NOTIFY allows at most ${MAX_PAYLOAD_BYTES}: publish ids, not data`);
    this.name = 'RealtimePayloadTooLargeError';
  }
}

const TOPIC = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

/** Serialize and check an event (giving it its id); exported for the unit test. */
export function encodeEvent(event: RealtimeEvent, id: string = crypto.randomUUID()): string {
  if (!event || typeof event.orgId !== 'string' || !event.orgId) throw new TypeError('realtime event needs an orgId');
  if (typeof event.topic !== 'string' || !TOPIC.test(event.topic)) throw new TypeError(`realtime topic must look like 'module.thing', got ${JSON.stringify(event.topic)}`);
  if (!event.data || typeof event.data !== 'object' || Array.isArray(event.data)) throw new TypeError('realtime event data must be an object');
  for (const [k, v] of Object.entries(event.data)) {
    // Flat on purpose: ids, kinds, counts. A nested object is usually a row that should not travel.
    const flat = v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => ['string', 'number'].includes(typeof x)));
    if (!flat) throw new TypeError(`realtime event data.${k} must be a string, number, boolean, null or a list of ids`);
  }
  const payload = JSON.stringify({ id, orgId: event.orgId, topic: event.topic, data: event.data });
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) throw new RealtimePayloadTooLargeError(bytes);
  return payload;
}

/** Parse a NOTIFY payload; anything malformed is dropped (returns null). */
export function decodeEvent(payload: string | undefined | null): DeliveredEvent | null {
  if (!payload) return null;
  try {
    const v = JSON.parse(payload) as Partial<DeliveredEvent>;
    if (typeof v?.id !== 'string' || typeof v.orgId !== 'string' || typeof v.topic !== 'string' || !v.data || typeof v.data !== 'object') return null;
    return { id: v.id, orgId: v.orgId, topic: v.topic, data: v.data as Record<string, unknown> };
  } catch {
    return null;
  }
}

/**
 * Queue a realtime event on `db`. NOTIFY is transactional: inside a transaction the event
 * is delivered when it commits, and never if it rolls back. Outside one it goes at once.
 */
export async function publish(db: DbOrTx, event: RealtimeEvent): Promise<void> {
  const payload = encodeEvent(event);
  await db.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`);
}
