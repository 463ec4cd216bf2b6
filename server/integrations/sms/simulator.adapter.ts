import crypto from 'node:crypto';
import { SegmentedMessage } from 'sms-segments-calculator';
import twilio from 'twilio';
import { type MessageStatus, SendSmsInput, SmsProviderError, type SmsPort, StartCallInput, E164 } from './sms.port.ts';
import { createMemorySimulatorStore, type SimulatorStore } from './simulator-store.ts';
import { errorCodeInfo } from './twilio-error-codes.ts';

/** A signed webhook request the simulator makes, as Twilio would POST it. */
export interface SimulatedWebhook {
  url: string;
  params: Record<string, string>;
  /** X-Twilio-Signature over url + params with the simulator's auth token. */
  signature: string;
}

export interface SimulatorSmsOptions {
  /** The simulated account; its auth token signs every webhook, so Haven validates them exactly as Twilio's. */
  accountSid: string;
  authToken: string;
  /** Delivers a webhook (status callback, inbound message) to Haven. HTTP later; a function for now. */
  deliver: (hook: SimulatedWebhook) => Promise<void>;
  /**
   * Delivers a voice webhook and answers with the response body (TwiML): a call follows
   * what Haven answers. Throws when Haven answers an HTTP error, as Twilio then gives up (11200).
   */
  fetchTwiml?: (hook: SimulatedWebhook) => Promise<string>;
  store?: SimulatorStore;
  /** The numbers behind each Messaging Service; the simulator sends from the first, as a one-number pool would. */
  messagingServices?: Record<string, string[]>;
  now?: () => Date;
}

export interface SimulatorSms extends SmsPort {
  readonly name: 'simulator';
  readonly store: SimulatorStore;
  readonly accountSid: string;
  /** POST a signed voice webhook and read the TwiML answer (the voice walker's only way to Haven). */
  fetchTwiml(hook: SimulatedWebhook): Promise<string>;
  /** Deliver a fire-and-forget webhook (status callback); a failure lands in callbackFailures, as Twilio only logs it. */
  notify(hook: SimulatedWebhook): Promise<void>;
  /** Make every later send or call to this number fail with this Twilio error code (from the code table). */
  failNumber(phone: string, code: number): Promise<void>;
  clearFailure(phone: string): Promise<void>;
  /**
   * A community member texts Haven: keeps the message on the pretend phone and sends a
   * signed incoming-message webhook to `url`; throws SimulatorDeliveryError when Haven refuses it.
   */
  receiveSms(input: { from: string; to: string; body: string; url: string }): Promise<{ messageSid: string }>;
  /** A webhook signed with the simulator's auth token, exactly as Twilio signs its own. */
  sign(url: string, params: Record<string, string>): SimulatedWebhook;
  /** Resolves when every status callback started so far has been delivered. */
  settle(): Promise<void>;
  /** Callbacks whose delivery threw: like Twilio, the message's status still moves on. */
  readonly callbackFailures: { hook: SimulatedWebhook; error: unknown }[];
}

/** Haven did not take a webhook (an error answer or no answer); the message it was about still exists. */
export class SimulatorDeliveryError extends Error {
  override name = 'SimulatorDeliveryError';
  constructor(
    readonly messageSid: string,
    cause: unknown,
  ) {
    super(`webhook for ${messageSid} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

const API_VERSION = '2010-04-01';
const newSid = (prefix: 'SM' | 'CA') => prefix + crypto.randomBytes(16).toString('hex');

/** The HTTP status Twilio answers an API-stage error with: 429 for rate limits, 401 for bad credentials, 400 otherwise. */
const apiHttpStatus = (code: number) => (code === 20429 ? 429 : code === 20003 ? 401 : 400);

/**
 * The default SMS/voice provider: records every send with Twilio-like ids, walks each
 * message through queued → sent → delivered with signed status callbacks, and fails on
 * demand. API-stage codes (21610, 21211, …) make the send itself throw, as Twilio's REST
 * answer would; delivery-stage codes (30007, 30008, …) are accepted and end "undelivered"
 * with the code in the last callback.
 */
export function createSimulatorSms(opts: SimulatorSmsOptions): SimulatorSms {
  const store = opts.store ?? createMemorySimulatorStore();
  const now = opts.now ?? (() => new Date());
  const pending = new Set<Promise<void>>();
  const callbackFailures: SimulatorSms['callbackFailures'] = [];

  const sign = (url: string, params: Record<string, string>): SimulatedWebhook => ({
    url,
    params,
    signature: twilio.getExpectedTwilioSignature(opts.authToken, url, params),
  });

  const deliver = async (hook: SimulatedWebhook) => {
    try {
      await opts.deliver(hook);
    } catch (error) {
      callbackFailures.push({ hook, error });
    }
  };

  async function failIfToldTo(to: string) {
    const code = await store.failureFor(to);
    const info = code === null ? undefined : errorCodeInfo(code);
    if (code !== null && info?.stage === 'api') throw new SmsProviderError(code, apiHttpStatus(code), info.meaning);
    return code;
  }

  async function walkStatuses(m: { sid: string; from: string; to: string; service: string | null; url: string; failWith: number | null }) {
    // After the send has resolved, as with Twilio: the caller records the sid before the first callback.
    await new Promise((r) => setImmediate(r));
    const steps: MessageStatus[] = m.failWith === null ? ['queued', 'sent', 'delivered'] : ['queued', 'sent', 'undelivered'];
    for (const status of steps) {
      const errorCode = status === 'undelivered' ? m.failWith : null;
      await store.updateSmsStatus(m.sid, status, errorCode);
      const params: Record<string, string> = {
        AccountSid: opts.accountSid,
        ApiVersion: API_VERSION,
        From: m.from,
        To: m.to,
        MessageSid: m.sid,
        MessageStatus: status,
        SmsSid: m.sid,
        SmsStatus: status,
        ...(m.service ? { MessagingServiceSid: m.service } : {}),
        ...(errorCode !== null ? { ErrorCode: String(errorCode) } : {}),
      };
      await deliver(sign(m.url, params));
    }
  }

  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  return {
    name: 'simulator',
    store,
    sign,
    callbackFailures,
    accountSid: opts.accountSid,
    notify: deliver,

    async fetchTwiml(hook) {
      if (!opts.fetchTwiml) throw new Error('simulator: no fetchTwiml configured, so calls cannot reach Haven');
      return opts.fetchTwiml(hook);
    },

    async sendSms(input) {
      const m = SendSmsInput.parse(input);
      const failWith = await failIfToldTo(m.to);
      const from = m.messagingServiceSid ? opts.messagingServices?.[m.messagingServiceSid]?.[0] : m.from;
      // Twilio answers an unknown resource with 20404 / HTTP 404. (The port's schema guarantees from or a service.)
      if (!from) throw new SmsProviderError(20404, 404, `Messaging Service ${m.messagingServiceSid} not found`);
      const sid = newSid('SM');
      // Twilio answers "accepted" when a Messaging Service still has to pick the sender, "queued" otherwise.
      const status: MessageStatus = m.messagingServiceSid ? 'accepted' : 'queued';
      await store.insertSms({
        providerId: sid, direction: 'outbound', from, messagingServiceSid: m.messagingServiceSid ?? null, to: m.to, body: m.body,
        statusCallback: m.statusCallback, status, errorCode: null, createdAt: now(),
      });
      track(walkStatuses({ sid, from, to: m.to, service: m.messagingServiceSid ?? null, url: m.statusCallback, failWith }));
      return { providerId: sid, status };
    },

    async startCall(input) {
      const c = StartCallInput.parse(input);
      await failIfToldTo(c.to);
      const sid = newSid('CA');
      await store.insertCall({
        providerId: sid, direction: 'outbound', from: c.from, to: c.to, url: c.url, statusCallback: c.statusCallback, status: 'queued',
        transcript: [], waiting: null, createdAt: now(),
      });
      return { providerId: sid, status: 'queued' };
    },

    validateWebhook({ url, params, signature }) {
      if (!signature) return false;
      return twilio.validateRequest(opts.authToken, signature, url, params);
    },

    async findSent(q) {
      const sent = await store.findSent({ to: q.to, body: q.body, since: q.since });
      return sent.filter((m) => !q.from || m.from === q.from).map((m) => ({ providerId: m.providerId, status: m.status }));
    },

    async failNumber(phone, code) {
      E164.parse(phone);
      // Only codes from the table: the classification (permanent or not, API or delivery stage) must be known.
      if (!errorCodeInfo(code)) throw new RangeError(`simulator: unknown error code ${code}; add it to twilio-error-codes.ts`);
      await store.setFailure(phone, code);
    },

    async clearFailure(phone) {
      await store.clearFailure(phone);
    },

    async receiveSms({ from, to, body, url }) {
      E164.parse(from);
      E164.parse(to);
      const sid = newSid('SM');
      const params: Record<string, string> = {
        AccountSid: opts.accountSid,
        ApiVersion: API_VERSION,
        MessageSid: sid,
        SmsMessageSid: sid,
        SmsSid: sid,
        SmsStatus: 'received',
        From: from,
        To: to,
        Body: body,
        NumMedia: '0',
        // As the phone would have split it (GSM-7 or UCS-2), counted by Twilio's own calculator.
        NumSegments: String(Math.max(1, new SegmentedMessage(body, 'auto').segmentsCount)),
      };
      // The member's phone sent it whatever Haven does with it: the carrier keeps it, so the phone's thread shows it.
      await store.insertSms({
        providerId: sid, direction: 'inbound', from, to, body, messagingServiceSid: null, statusCallback: null, status: 'received', errorCode: null, createdAt: now(),
      });
      try {
        await opts.deliver(sign(url, params));
      } catch (error) {
        // Twilio logs 11200 (HTTP retrieval failure) against the message when the webhook fails.
        await store.updateSmsStatus(sid, 'received', 11200);
        throw new SimulatorDeliveryError(sid, error);
      }
      return { messageSid: sid };
    },

    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
