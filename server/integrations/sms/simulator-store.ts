import type { CallTranscriptEntry } from '../../../contracts/simulator.ts';
import type { CallStatus, MessageStatus } from './sms.port.ts';
import type { StoredWaiting } from './twiml-reader.ts';

/** A message the simulator "sent", as a provider would keep it. */
export interface SimulatedSms {
  providerId: string;
  /** outbound: Haven sent it to the member's phone; inbound: the member's phone sent it to Haven. */
  direction: 'outbound' | 'inbound';
  from: string;
  messagingServiceSid: string | null;
  to: string;
  body: string;
  statusCallback: string | null;
  status: MessageStatus;
  errorCode: number | null;
  createdAt: Date;
}

export interface SimulatedCall {
  providerId: string;
  /** outbound: Haven called the member (startCall); inbound: the member called Haven (the voice walker). */
  direction: 'outbound' | 'inbound';
  from: string;
  to: string;
  url: string;
  statusCallback: string;
  status: CallStatus;
  /** What the caller heard and did, in order (the voice walker appends). */
  transcript: CallTranscriptEntry[];
  /** The Gather or Record the call waits on, with what follows it in its document; null when none. */
  waiting: StoredWaiting | null;
  /** For a call a Dial placed to a phone: the call it belongs to. */
  parentSid?: string | null;
  createdAt: Date;
}

export type CallUpdate = Pick<SimulatedCall, 'status' | 'transcript' | 'waiting' | 'url'>;

/**
 * Where the simulator keeps what it sent and which numbers it was told to fail. An
 * interface so that a database-backed store can replace the in-memory one: then the
 * /simulator page (web process) and the sender (worker process) see the same phone.
 */
export interface SimulatorStore {
  insertSms(sms: SimulatedSms): Promise<void>;
  updateSmsStatus(providerId: string, status: MessageStatus, errorCode: number | null): Promise<void>;
  listSms(filter?: { to?: string; phone?: string }): Promise<SimulatedSms[]>;
  /** Outbound messages matching exactly, sent at or after `since`: how a sender that crashed finds out what went out. */
  findSent(q: { to: string; body: string; since: Date }): Promise<SimulatedSms[]>;
  insertCall(call: SimulatedCall): Promise<void>;
  listCalls(filter?: { to?: string }): Promise<SimulatedCall[]>;
  getCall(providerId: string): Promise<SimulatedCall | null>;
  updateCall(providerId: string, update: CallUpdate): Promise<void>;
  listFailures(): Promise<{ phone: string; code: number; createdAt: Date }[]>;
  setFailure(phone: string, code: number): Promise<void>;
  clearFailure(phone: string): Promise<void>;
  failureFor(phone: string): Promise<number | null>;
}

/** The default store: one process, gone on restart. Lists come back in send order, as copies. */
export function createMemorySimulatorStore(): SimulatorStore {
  const sms: SimulatedSms[] = [];
  // Status updates find a message by id: a map keeps a long run (the outbox benchmark's 200,000 sends) linear.
  const smsById = new Map<string, SimulatedSms>();
  const calls: SimulatedCall[] = [];
  const failures = new Map<string, { code: number; createdAt: Date }>();
  return {
    async insertSms(m) {
      const copy = { ...m };
      sms.push(copy);
      smsById.set(copy.providerId, copy);
    },
    async updateSmsStatus(providerId, status, errorCode) {
      const m = smsById.get(providerId);
      if (!m) throw new Error(`simulator store: no message ${providerId}`);
      m.status = status;
      m.errorCode = errorCode;
    },
    async listSms(filter = {}) {
      return sms
        .filter((m) => (!filter.to || m.to === filter.to) && (!filter.phone || m.to === filter.phone || m.from === filter.phone))
        .map((m) => ({ ...m }));
    },
    async findSent(q) {
      return sms.filter((m) => m.direction === 'outbound' && m.to === q.to && m.body === q.body && m.createdAt >= q.since).map((m) => ({ ...m }));
    },
    async insertCall(c) {
      calls.push(structuredClone(c));
    },
    async listCalls(filter = {}) {
      return calls.filter((c) => !filter.to || c.to === filter.to).map((c) => structuredClone(c));
    },
    async getCall(providerId) {
      const c = calls.find((x) => x.providerId === providerId);
      return c ? structuredClone(c) : null;
    },
    async updateCall(providerId, update) {
      const c = calls.find((x) => x.providerId === providerId);
      if (!c) throw new Error(`simulator store: no call ${providerId}`);
      Object.assign(c, structuredClone(update));
    },
    async listFailures() {
      return [...failures].map(([phone, f]) => ({ phone, ...f }));
    },
    async setFailure(phone, code) {
      failures.set(phone, { code, createdAt: new Date() });
    },
    async clearFailure(phone) {
      failures.delete(phone);
    },
    async failureFor(phone) {
      return failures.get(phone)?.code ?? null;
    },
  };
}
