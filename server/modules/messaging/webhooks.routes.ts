import type { FastifyReply, FastifyRequest } from 'fastify';
import twilio from 'twilio';
import { z } from 'zod';
import { CallSid, CallStatus } from '../../integrations/sms/sms.port.ts';
import { parseInboundSms, parseMessageStatus, WebhookPayloadError } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { applyCallStatus, applyMessageStatus } from './apply-status.ts';
import { receiveSms } from './receive-sms.ts';
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

// The voice webhooks (/webhooks/twilio/voice/*) belong to the hotline: its IVR routes calls to on-call responders.
export const webhookRoutes = [smsRoute, statusRoute];
