import { E164, SMS_BODY_MAX_CHARS, charCount } from '../../integrations/sms/sms.port.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { createSimulatorVoice, type SimulatorVoice } from '../../integrations/sms/simulator-voice.ts';

/** An E.164 number or a 400 that quotes what was typed and names the field. */
export function phoneField(value: string, field: string): string {
  if (!E164.safeParse(value).success) throw invalid('invalid_phone', field, { value });
  return value;
}

export function smsBody(body: string): string {
  // Twilio counts Unicode characters, not UTF-16 units: "최" is one, an emoji is one.
  if (charCount(body) > SMS_BODY_MAX_CHARS) throw new AppError('message_too_long', 400, { max: SMS_BODY_MAX_CHARS }, 'body');
  return body;
}

/**
 * The voice walker for this deployment's simulator: one per simulator, so that moves on
 * one call made from this process are taken in turn.
 */
const walkers = new WeakMap<object, SimulatorVoice>();
export function voiceFor(ctx: Ctx): SimulatorVoice {
  const sim = ctx.deps.simulator;
  let voice = walkers.get(sim);
  if (!voice) {
    voice = createSimulatorVoice(sim, { publicUrl: ctx.deps.config.publicUrl });
    walkers.set(sim, voice);
  }
  return voice;
}

/** The webhook URL Twilio would be configured with for a number's incoming texts. */
export const smsWebhookUrl = (ctx: Ctx) => `${ctx.deps.config.publicUrl}/webhooks/twilio/sms`;
