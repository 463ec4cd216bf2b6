import type { Config } from '../../config.ts';
import type { QueueSpec } from '../../platform/jobs/jobs.ts';

/**
 * Two lanes for sends: hotline and consent replies never wait behind a bulk send. Each job
 * is a batch of outbox ids of one org; retries resume a batch that failed or whose worker died.
 */
export const SEND_QUEUE = 'messaging.send';
export const PRIORITY_SEND_QUEUE = 'messaging.send-priority';

/**
 * The hand-off of an ordinary text (not a keyword) to whoever handles conversations: the
 * webhook's transaction records the text and queues this job together; the hotline module
 * works the queue (messaging never imports it). Retried until it sticks, so a text is never
 * left out of the inbox by a failure after the webhook answered the provider.
 */
export const INBOUND_TEXT_QUEUE = 'messaging.inbound-text';

/**
 * The hand-off of an inbound call's end (its final status: completed, busy, no-answer,
 * failed, canceled) to the hotline, which decides whether the caller is owed a call back.
 * Queued in the status callback's transaction, once per call: only the callback that first
 * moves the call to a final status queues it, so a provider's retry queues nothing.
 */
export const CALL_ENDED_QUEUE = 'messaging.call-ended';

/**
 * The hand-off of a consent keyword (an opt-in or opt-out text, after messaging has recorded
 * it and queued its reply) to whoever keeps something of their own about that consent: the
 * alerts module confirms a pending sign-up on YES (messaging never imports alerts). Queued
 * in the webhook's transaction, once per text (a provider retry is a duplicate and queues nothing).
 */
export const CONSENT_KEYWORD_QUEUE = 'messaging.consent-keyword';

export const MESSAGING_QUEUES = (config: Pick<Config, 'MESSAGING_SEND_TIMEOUT_SECONDS'>): QueueSpec[] => [
  { name: SEND_QUEUE, expireInSeconds: config.MESSAGING_SEND_TIMEOUT_SECONDS, retryLimit: 50, retryDelay: 5, retryBackoff: true },
  { name: PRIORITY_SEND_QUEUE, expireInSeconds: config.MESSAGING_SEND_TIMEOUT_SECONDS, retryLimit: 50, retryDelay: 2, retryBackoff: true },
  { name: INBOUND_TEXT_QUEUE, expireInSeconds: 60, retryLimit: 50, retryDelay: 2, retryBackoff: true },
  { name: CALL_ENDED_QUEUE, expireInSeconds: 60, retryLimit: 50, retryDelay: 2, retryBackoff: true },
  { name: CONSENT_KEYWORD_QUEUE, expireInSeconds: 60, retryLimit: 50, retryDelay: 2, retryBackoff: true },
];

export interface SendJob {
  orgId: string;
  ids: string[];
}

/** One inbound_messages row to take into a conversation. */
export interface InboundTextJob {
  orgId: string;
  inboundId: string;
}

/** An inbound call that has just ended: `callSid` is the provider's id (voice_calls.provider_id). */
export interface CallEndedJob {
  orgId: string;
  callSid: string;
}

/** A consent keyword from `address` to a number of `orgId`: `providerId` is the text's MessageSid, `lang` the reply's language. */
export interface ConsentKeywordJob {
  orgId: string;
  address: string;
  keyword: 'opt_in' | 'opt_out';
  /** STOPALL: the opt-out binds every org of the network. */
  scope: 'affiliate' | 'network';
  providerId: string;
  lang: 'ko' | 'en' | 'es';
}
