import type { SimulatorMessageList, SimulatorSmsInput, SimulatorSmsResult } from '../../../contracts/simulator.ts';
import { SimulatorDeliveryError } from '../../integrations/sms/simulator.adapter.ts';
import type { Ctx } from '../../platform/context.ts';
import { phoneField, smsBody, smsWebhookUrl } from './simulator-input.ts';

/** One member phone's conversation with Haven, oldest first, as the carrier saw it. */
export async function listPhoneMessages({ ctx, input }: { ctx: Ctx; input: { phone: string } }): Promise<SimulatorMessageList> {
  const phone = phoneField(input.phone, 'phone');
  const rows = await ctx.deps.simulator.store.listSms({ phone });
  return {
    items: rows.map((m) => ({
      id: m.providerId, direction: m.direction, from: m.from, to: m.to, body: m.body, status: m.status, errorCode: m.errorCode, createdAt: m.createdAt.toISOString(),
    })),
  };
}

/**
 * The member texts Haven: the simulator records it and POSTs the signed incoming-message
 * webhook, exactly as Twilio would, so Haven's own inbound handling runs.
 */
export async function sendMemberSms({ ctx, input }: { ctx: Ctx; input: SimulatorSmsInput }): Promise<SimulatorSmsResult> {
  const from = phoneField(input.from, 'from');
  const to = phoneField(input.to, 'to');
  const body = smsBody(input.body);
  try {
    return await ctx.deps.simulator.receiveSms({ from, to, body, url: smsWebhookUrl(ctx) });
  } catch (error) {
    // Haven refused the webhook (say, a number no org owns): the text still left the phone,
    // and the thread shows it with Twilio's 11200, as Twilio's console would.
    if (error instanceof SimulatorDeliveryError) {
      ctx.deps.log.warn({ err: error }, 'simulator: Haven refused an incoming-text webhook');
      return { messageSid: error.messageSid };
    }
    throw error;
  }
}
