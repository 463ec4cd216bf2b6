import type { FastifyReply, FastifyRequest } from 'fastify';
import twilio from 'twilio';
import { z } from 'zod';
import { CallSid, CallStatus } from '../../integrations/sms/sms.port.ts';
import { parseInboundSms, parseMessageStatus, WebhookPayloadError } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { isLang, type Lang } from '../../platform/i18n/i18n.ts';
import { applyCallStatus, applyMessageStatus } from './apply-status.ts';
import { receiveSms } from './receive-sms.ts';
import { chooseLanguage, saveRecording, startInboundCall } from './voice-flow.ts';
import { findCallbackOrg, findSender, type Sender, verifyWebhook } from './webhook-auth.ts';

/**
 * Twilio's webhooks (and the simulator's, signed the same way). Each checks the signature
 * with the auth token of the org the request is about before reading anything else, is
 * idempotent on the provider's id, and answers at once.
 */
const form = (req: FastifyRequest) => (req.body ?? {}) as Record<string, string>;
const xml = (reply: FastifyReply, body: string) => reply.type('text/xml; charset=utf-8').send(body);
const TwiML = z.string().meta({ description: 'TwiML' });
const tags = ['webhooks'];

/** The number a request is about, its org's signature checked; an unknown number is a 404 once the request is shown to be genuine. */
async function verifiedSender(deps: Deps, req: FastifyRequest, numberField: 'To'): Promise<Sender> {
  const f = form(req);
  const sender = await findSender(deps, { phone: f[numberField], messagingServiceSid: f.MessagingServiceSid });
  await verifyWebhook(deps, req, sender?.orgId ?? null);
  if (!sender) throw new AppError('unknown_number', 404, {}, numberField);
  return sender;
}

const smsRoute = defineRoute({
  method: 'POST', url: '/webhooks/twilio/sms', policy: { public: true }, tags, summary: 'Incoming text (Twilio webhook)', response: TwiML,
  handler: async ({ ctx, req, reply }) => {
    const sender = await verifiedSender(ctx.deps, req, 'To');
    const sms = parseInboundSms(form(req));
    await receiveSms(ctx.deps, sms, sender);
    return xml(reply, new twilio.twiml.MessagingResponse().toString());
  },
});

const statusRoute = defineRoute({
  method: 'POST', url: '/webhooks/twilio/status', policy: { public: true }, tags, summary: 'Message or call status callback (Twilio webhook)',
  query: z.object({ m: z.string().max(64).optional() }),
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ ctx, req, query }) => {
    const f = form(req);
    if (f.CallSid && !f.MessageSid) {
      await verifyWebhook(ctx.deps, req, await findCallbackOrg(ctx.deps, { callSid: f.CallSid }));
      const call = z.object({ CallSid, CallStatus }).safeParse(f);
      if (!call.success) throw new WebhookPayloadError(String(call.error.issues[0].path[0]), 'invalid');
      await applyCallStatus(ctx.deps, { callSid: call.data.CallSid, status: call.data.CallStatus });
      return { ok: true as const };
    }
    await verifyWebhook(ctx.deps, req, await findCallbackOrg(ctx.deps, { messageRef: query.m, messageSid: f.MessageSid }));
    await applyMessageStatus(ctx.deps, parseMessageStatus(f), query.m ?? null);
    return { ok: true as const };
  },
});

const VoiceStart = z.object({ CallSid, From: z.string().min(1), To: z.string().min(1), CallStatus: CallStatus.optional() });

const voiceRoute = defineRoute({
  method: 'POST', url: '/webhooks/twilio/voice', policy: { public: true }, tags, summary: 'Incoming call (Twilio webhook): language menu', response: TwiML,
  handler: async ({ ctx, req, reply }) => {
    const sender = await verifiedSender(ctx.deps, req, 'To');
    const call = VoiceStart.safeParse(form(req));
    if (!call.success) throw new WebhookPayloadError(String(call.error.issues[0].path[0]), 'invalid');
    const twiml = await startInboundCall(ctx.deps, { callSid: call.data.CallSid, from: call.data.From, to: call.data.To, status: call.data.CallStatus ?? 'ringing' }, sender);
    return xml(reply, twiml);
  },
});

const languageRoute = defineRoute({
  method: 'POST', url: '/webhooks/twilio/voice/language', policy: { public: true }, tags, summary: 'Language chosen on the call menu', response: TwiML,
  query: z.object({ Default: z.enum(['ko', 'en', 'es']).optional() }),
  handler: async ({ ctx, req, reply, query }) => {
    const sender = await verifiedSender(ctx.deps, req, 'To');
    const f = form(req);
    if (!CallSid.safeParse(f.CallSid).success) throw new WebhookPayloadError('CallSid', 'invalid');
    const twiml = await chooseLanguage(ctx.deps, { callSid: f.CallSid, digits: f.Digits ?? null, fallback: query.Default ?? 'en' }, sender.orgId);
    return xml(reply, twiml);
  },
});

const recordedRoute = defineRoute({
  method: 'POST', url: '/webhooks/twilio/voice/recorded', policy: { public: true }, tags, summary: 'Voicemail left', response: TwiML,
  query: z.object({ lang: z.string().optional() }),
  handler: async ({ ctx, req, reply, query }) => {
    await verifiedSender(ctx.deps, req, 'To');
    const f = form(req);
    if (!CallSid.safeParse(f.CallSid).success) throw new WebhookPayloadError('CallSid', 'invalid');
    const recordingUrl = z.url().safeParse(f.RecordingUrl).success ? f.RecordingUrl : null;
    const lang: Lang = isLang(query.lang) ? query.lang : 'en';
    return xml(reply, await saveRecording(ctx.deps, { callSid: f.CallSid, recordingUrl, lang }));
  },
});

export const webhookRoutes = [smsRoute, statusRoute, voiceRoute, languageRoute, recordedRoute];
