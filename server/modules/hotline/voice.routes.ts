import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CallSid, CallStatus } from '../../integrations/sms/sms.port.ts';
import { WebhookPayloadError } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { findSender, type Sender, verifyWebhook } from '../messaging/index.ts';
import {
  acceptWhisper, afterDial, answerIncomingCall, assertRoutableOrg, chooseAffiliate, chooseLanguage, type IvrState, routeCall, saveVoicemail, surgeChoice, whisper,
} from './ivr.ts';

/**
 * The hotline's voice webhooks. Each checks Twilio's signature with the auth token of the
 * org that owns the hotline number before anything else (see messaging/webhook-auth.ts).
 * On the caller's call the number is `To`; on a responder's phone (the whisper) the call
 * comes from the hotline number, so it is `From`.
 */
const form = (req: FastifyRequest) => (req.body ?? {}) as Record<string, string>;
const xml = (reply: FastifyReply, body: string) => reply.type('text/xml; charset=utf-8').send(body);
const TwiML = z.string().meta({ description: 'TwiML' });
const tags = ['webhooks'];
const policy = { public: true } as const;

async function verifiedSender(deps: Deps, req: FastifyRequest, field: 'To' | 'From'): Promise<Sender> {
  const f = form(req);
  const sender = await findSender(deps, { phone: f[field] });
  await verifyWebhook(deps, req, sender?.orgId ?? null);
  if (!sender) throw new AppError('unknown_number', 404, {}, field);
  return sender;
}

function callSidOf(req: FastifyRequest): string {
  const sid = form(req).CallSid;
  if (!CallSid.safeParse(sid).success) throw new WebhookPayloadError('CallSid', 'invalid');
  return sid;
}

const digitsOf = (req: FastifyRequest) => {
  const d = form(req).Digits;
  return typeof d === 'string' && /^[0-9*#]{1,20}$/.test(d) ? d : null;
};

const StateQuery = z.object({
  org: z.uuid(),
  lang: z.enum(['ko', 'en', 'es']),
  tier: z.coerce.number().int().min(0).max(3),
  e: z.enum(['0', '1']),
});
const toState = (q: z.infer<typeof StateQuery>): IvrState => ({ org: q.org, lang: q.lang, tier: q.tier, emergency: q.e === '1' });

const VoiceStart = z.object({ CallSid, From: z.string().min(1), To: z.string().min(1), CallStatus: CallStatus.optional() });

export const hotlineVoiceRoutes = [
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice', policy, tags, summary: 'Incoming call (Twilio webhook): the language menu, Korean first', response: TwiML,
    handler: async ({ ctx, req, reply }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      const call = VoiceStart.safeParse(form(req));
      if (!call.success) throw new WebhookPayloadError(String(call.error.issues[0].path[0]), 'invalid');
      const c = call.data;
      return xml(reply, await answerIncomingCall(ctx.deps, { callSid: c.CallSid, from: c.From, to: c.To, status: c.CallStatus ?? 'ringing', orgId: sender.orgId, senderId: sender.id }));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/language', policy, tags, summary: 'A key at the language menu', response: TwiML,
    query: z.object({ try: z.coerce.number().int().min(1).max(5).default(1) }),
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      return xml(reply, await chooseLanguage(ctx.deps, { callSid: callSidOf(req), from: form(req).From ?? '', senderId: sender.id, digits: digitsOf(req), attempt: query.try, orgId: sender.orgId }));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/affiliate', policy, tags, summary: 'A key at the national number’s affiliate menu', response: TwiML,
    query: z.object({ lang: z.enum(['ko', 'en', 'es']), try: z.coerce.number().int().min(1).max(5).default(1) }),
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      return xml(reply, await chooseAffiliate(ctx.deps, { networkId: sender.orgId, lang: query.lang, digits: digitsOf(req), attempt: query.try, callSid: callSidOf(req), from: form(req).From ?? '', senderId: sender.id }));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/route', policy, tags, summary: 'After the emergency question: ring the on-call responders', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      return xml(reply, await routeCall(ctx.deps, toState(query), { digits: digitsOf(req), callSid: callSidOf(req) }, sender.phoneE164 ?? form(req).To));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/dialed', policy, tags, summary: 'How ringing a tier ended: done, or the next tier', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      callSidOf(req);
      const status = form(req).DialCallStatus ?? null;
      return xml(reply, await afterDial(ctx.deps, toState(query), status, sender.phoneE164 ?? form(req).To));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/whisper', policy, tags, summary: 'A responder’s phone picked up: press 1 to accept', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'From');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      callSidOf(req);
      return xml(reply, whisper(toState(query)));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/accept', policy, tags, summary: 'The responder’s key after the whisper', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'From');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      callSidOf(req);
      const f = form(req);
      const parentCallSid = CallSid.safeParse(f.ParentCallSid).success ? f.ParentCallSid : null;
      return xml(reply, await acceptWhisper(ctx.deps, toState(query), { digits: digitsOf(req), parentCallSid, responderPhone: f.To ?? '' }));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/surge', policy, tags, summary: 'Surge mode: 1 asks for a call back', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      return xml(reply, await surgeChoice(ctx.deps, toState(query), { callSid: callSidOf(req), from: form(req).From, digits: digitsOf(req) }));
    },
  }),
  defineRoute({
    method: 'POST', url: '/webhooks/twilio/voice/recorded', policy, tags, summary: 'A voicemail was left: it goes to the callback queue', response: TwiML, query: StateQuery,
    handler: async ({ ctx, req, reply, query }) => {
      const sender = await verifiedSender(ctx.deps, req, 'To');
      await assertRoutableOrg(ctx.deps, sender.orgId, query.org);
      const f = form(req);
      const recordingUrl = z.url().safeParse(f.RecordingUrl).success ? f.RecordingUrl : null;
      return xml(reply, await saveVoicemail(ctx.deps, toState(query), { callSid: callSidOf(req), from: f.From, recordingUrl }));
    },
  }),
];
