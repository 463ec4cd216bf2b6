import twilio from 'twilio';
import { SendSmsInput, SmsProviderError, type SmsPort, StartCallInput } from './sms.port.ts';

export interface TwilioSmsOptions {
  /** Per-affiliate credentials (decrypted from the affiliate's settings by the caller). */
  accountSid: string;
  authToken: string;
  /**
   * Where the REST API lives, default https://api.twilio.com. Tests point it at a local
   * server: the client's `api.baseUrl` is honoured for every request, whereas `region` and
   * `edge` only change the twilio.com host name.
   */
  apiBaseUrl?: string;
  /** Per-request timeout; a send that hangs must fail so the outbox can retry it. */
  timeoutMs?: number;
}

/** SMS and voice through Twilio's official library: REST for sends and calls, its own signature check for webhooks. */
export function createTwilioSms(opts: TwilioSmsOptions): SmsPort {
  // autoRetry off: retries belong to the outbox, which knows about pacing and idempotency.
  const client = twilio(opts.accountSid, opts.authToken, { autoRetry: false, timeout: opts.timeoutMs ?? 15_000 });
  if (opts.apiBaseUrl) client.api.baseUrl = opts.apiBaseUrl.replace(/\/+$/, '');

  return {
    name: 'twilio',

    async sendSms(input) {
      const m = SendSmsInput.parse(input);
      try {
        const sent = await client.messages.create({
          to: m.to,
          body: m.body,
          statusCallback: m.statusCallback,
          ...(m.messagingServiceSid ? { messagingServiceSid: m.messagingServiceSid } : { from: m.from }),
        });
        // Not re-validated: once Twilio accepted the message its sid must reach the caller, whatever it looks like.
        return { providerId: sent.sid, status: sent.status };
      } catch (err) {
        throw toProviderError(err);
      }
    },

    async startCall(input) {
      const c = StartCallInput.parse(input);
      try {
        const call = await client.calls.create({ to: c.to, from: c.from, url: c.url, statusCallback: c.statusCallback });
        return { providerId: call.sid, status: call.status };
      } catch (err) {
        throw toProviderError(err);
      }
    },

    validateWebhook({ url, params, signature }) {
      if (!signature) return false;
      return twilio.validateRequest(opts.authToken, signature, url, params);
    },

    async findSent(q) {
      try {
        // Twilio filters by day (DateSent>=), so look a minute earlier and compare bodies here.
        const list = await client.messages.list({ to: q.to, ...(q.from ? { from: q.from } : {}), dateSentAfter: new Date(q.since.getTime() - 60_000), limit: 50 });
        return list.filter((m) => m.body === q.body && m.direction !== 'inbound').map((m) => ({ providerId: m.sid, status: m.status }));
      } catch (err) {
        throw toProviderError(err);
      }
    },
  };
}

/**
 * Twilio's answers become SmsProviderError with its code and HTTP status; a request that
 * got no answer (refused, reset, timed out: axios errors) becomes a transient one with
 * neither. Anything else is a bug in our call and is rethrown untouched.
 */
export function toProviderError(err: unknown): unknown {
  if (err instanceof twilio.RestException) {
    return new SmsProviderError(err.code ?? null, err.status, err.message, { cause: err });
  }
  if (isAxiosError(err)) {
    const status = err.response?.status ?? null;
    return new SmsProviderError(null, status, `Twilio could not be reached (${err.code ?? 'network error'})`, { cause: err });
  }
  return err;
}

interface AxiosLikeError {
  isAxiosError: true;
  code?: string;
  response?: { status: number };
}
const isAxiosError = (e: unknown): e is AxiosLikeError =>
  typeof e === 'object' && e !== null && (e as { isAxiosError?: unknown }).isAxiosError === true;
