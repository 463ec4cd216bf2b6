import type { SimulatorCall, SimulatorCallInput } from '../../../contracts/simulator.ts';
import type { SimulatedCall } from '../../integrations/sms/simulator-store.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { phoneField, voiceFor } from './simulator-input.ts';

/**
 * Where a wait leads, without its query: Haven's callback URLs carry routing state (the
 * affiliate's id among it), which is Haven's business and not the simulated phone's.
 */
const pathOnly = <T extends string | null>(url: T): T => (url === null ? url : (url.split('?')[0] as T));

/** The page's view of a call: what waits for the caller, without the TwiML left to play. */
export function callView(c: SimulatedCall): SimulatorCall {
  const view = rawView(c);
  if (view.waiting && 'action' in view.waiting) view.waiting = { ...view.waiting, action: pathOnly(view.waiting.action) } as typeof view.waiting;
  return view;
}

function rawView(c: SimulatedCall): SimulatorCall {
  let waiting: SimulatorCall['waiting'] = null;
  if (c.waiting?.verb === 'gather') {
    const { verb, action, method, numDigits, finishOnKey, timeout, prompts } = c.waiting;
    waiting = { verb, action, method, numDigits, finishOnKey, timeout, prompts };
  } else if (c.waiting?.verb === 'record') {
    const { verb, action, method, maxLength } = c.waiting;
    waiting = { verb, action, method, maxLength };
  } else if (c.waiting?.verb === 'dial') {
    const { verb, action, timeout, numbers, legs } = c.waiting;
    waiting = { verb, action, timeout, numbers, legs };
  } else if (c.waiting?.verb === 'bridged') {
    const { verb, action, leg, number, since } = c.waiting;
    waiting = { verb, action, leg, number, since };
  }
  return {
    sid: c.providerId, direction: c.direction, from: c.from, to: c.to, status: c.status, parentSid: c.parentSid ?? null,
    transcript: c.transcript, waiting, createdAt: c.createdAt.toISOString(),
  };
}

export async function startMemberCall({ ctx, input }: { ctx: Ctx; input: SimulatorCallInput }): Promise<SimulatorCall> {
  const from = phoneField(input.from, 'from');
  const to = phoneField(input.to, 'to');
  return callView(await voiceFor(ctx).startInboundCall({ from, to }));
}

export async function getCall({ ctx, input }: { ctx: Ctx; input: { sid: string } }): Promise<SimulatorCall> {
  const call = await voiceFor(ctx).getCall(input.sid);
  if (!call) throw new AppError('call_not_found', 404, {}, 'sid');
  return callView(call);
}

export const pressDigits = async ({ ctx, input }: { ctx: Ctx; input: { sid: string; digits: string } }) =>
  callView(await voiceFor(ctx).pressDigits(input.sid, input.digits));

export const leaveRecording = async ({ ctx, input }: { ctx: Ctx; input: { sid: string; text: string } }) =>
  callView(await voiceFor(ctx).leaveRecording(input.sid, { text: input.text }));

export const stayQuiet = async ({ ctx, input }: { ctx: Ctx; input: { sid: string } }) => callView(await voiceFor(ctx).timeoutGather(input.sid));

export const hangUp = async ({ ctx, input }: { ctx: Ctx; input: { sid: string } }) => callView(await voiceFor(ctx).hangUp(input.sid));

/** A phone Haven's Dial is ringing (a responder's, in the simulator) picks up, declines, or lets it ring out. */
export const answerCall = async ({ ctx, input }: { ctx: Ctx; input: { sid: string } }) => callView(await voiceFor(ctx).answerCall(input.sid));
export const rejectCall = async ({ ctx, input }: { ctx: Ctx; input: { sid: string } }) => callView(await voiceFor(ctx).rejectCall(input.sid));
export const ringOut = async ({ ctx, input }: { ctx: Ctx; input: { sid: string } }) => callView(await voiceFor(ctx).ringOut(input.sid));

/** Calls to a simulated phone, newest first: a responder's phone sees Haven's Dial ringing it here. */
export async function listPhoneCalls({ ctx, input }: { ctx: Ctx; input: { phone: string } }): Promise<{ items: SimulatorCall[] }> {
  const phone = phoneField(input.phone, 'phone');
  const calls = await ctx.deps.simulator.store.listCalls({ to: phone });
  return { items: calls.filter((c) => c.parentSid).reverse().slice(0, 20).map(callView) };
}
