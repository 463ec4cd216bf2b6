import { and, asc, eq, gte, or } from 'drizzle-orm';
import type { CallTranscriptEntry } from '../../../contracts/simulator.ts';
import type { Db } from '../../db/client.ts';
import { simulatedCalls, simulatedSms, simulatorFailures } from './simulator.table.ts';
import type { CallStatus, MessageStatus } from './sms.port.ts';
import type { SimulatedCall, SimulatedSms, SimulatorStore } from './simulator-store.ts';
import type { StoredWaiting } from './twiml-reader.ts';

/**
 * The simulator's store in the database: the web process (the /simulator page) and the
 * worker (which sends) share one pretend phone network, and what was sent survives a
 * crash, which is how the kill -9 test counts what each recipient received.
 */
export function createDbSimulatorStore(db: Db): SimulatorStore {
  const toSms = (r: typeof simulatedSms.$inferSelect): SimulatedSms => ({
    providerId: r.providerId,
    direction: r.direction,
    from: r.from,
    messagingServiceSid: r.messagingServiceSid,
    to: r.to,
    body: r.body,
    statusCallback: r.statusCallback,
    status: r.status as MessageStatus,
    errorCode: r.errorCode,
    createdAt: r.createdAt,
  });
  const toCall = (r: typeof simulatedCalls.$inferSelect): SimulatedCall => ({
    providerId: r.providerId,
    direction: r.direction,
    from: r.from,
    to: r.to,
    url: r.url,
    statusCallback: r.statusCallback ?? '',
    status: r.status as CallStatus,
    // jsonb written only by this store, in these shapes.
    transcript: r.transcript as CallTranscriptEntry[],
    waiting: r.waiting as StoredWaiting | null,
    parentSid: r.parentSid,
    createdAt: r.createdAt,
  });
  return {
    async insertSms(m) {
      await db.insert(simulatedSms).values({ ...m });
    },
    async updateSmsStatus(providerId, status, errorCode) {
      const rows = await db.update(simulatedSms).set({ status, errorCode }).where(eq(simulatedSms.providerId, providerId)).returning({ id: simulatedSms.providerId });
      if (!rows.length) throw new Error(`simulator store: no message ${providerId}`);
    },
    async listSms(filter = {}) {
      const rows = await db
        .select()
        .from(simulatedSms)
        .where(
          and(
            filter.to ? eq(simulatedSms.to, filter.to) : undefined,
            filter.phone ? or(eq(simulatedSms.to, filter.phone), eq(simulatedSms.from, filter.phone)) : undefined,
          ),
        )
        .orderBy(asc(simulatedSms.createdAt));
      return rows.map(toSms);
    },
    async findSent(q) {
      const rows = await db
        .select()
        .from(simulatedSms)
        .where(and(eq(simulatedSms.direction, 'outbound'), eq(simulatedSms.to, q.to), eq(simulatedSms.body, q.body), gte(simulatedSms.createdAt, q.since)));
      return rows.map(toSms);
    },
    async insertCall(c) {
      await db.insert(simulatedCalls).values({ ...c });
    },
    async listCalls(filter = {}) {
      const rows = await db.select().from(simulatedCalls).where(filter.to ? eq(simulatedCalls.to, filter.to) : undefined).orderBy(asc(simulatedCalls.createdAt));
      return rows.map(toCall);
    },
    async getCall(providerId) {
      const [row] = await db.select().from(simulatedCalls).where(eq(simulatedCalls.providerId, providerId));
      return row ? toCall(row) : null;
    },
    async updateCall(providerId, u) {
      const rows = await db
        .update(simulatedCalls)
        .set({ status: u.status, transcript: u.transcript, waiting: u.waiting, url: u.url, updatedAt: new Date() })
        .where(eq(simulatedCalls.providerId, providerId))
        .returning({ id: simulatedCalls.providerId });
      if (!rows.length) throw new Error(`simulator store: no call ${providerId}`);
    },
    async listFailures() {
      const rows = await db.select().from(simulatorFailures).orderBy(asc(simulatorFailures.phone));
      return rows.map((r) => ({ phone: r.phone, code: r.errorCode, createdAt: r.createdAt }));
    },
    async setFailure(phone, code) {
      await db.insert(simulatorFailures).values({ phone, errorCode: code }).onConflictDoUpdate({ target: simulatorFailures.phone, set: { errorCode: code } });
    },
    async clearFailure(phone) {
      await db.delete(simulatorFailures).where(eq(simulatorFailures.phone, phone));
    },
    async failureFor(phone) {
      const [row] = await db.select({ code: simulatorFailures.errorCode }).from(simulatorFailures).where(eq(simulatorFailures.phone, phone));
      return row?.code ?? null;
    },
  };
}
