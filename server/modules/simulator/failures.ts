import type { SimulatorFailureInput, SimulatorFailureList } from '../../../contracts/simulator.ts';
import { errorCodeInfo, TWILIO_ERROR_CODES } from '../../integrations/sms/twilio-error-codes.ts';
import type { Ctx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { phoneField } from './simulator-input.ts';

/** Numbers told to fail, and the codes they may fail with (the table decides API or delivery stage). */
export async function listFailures({ ctx }: { ctx: Ctx }): Promise<SimulatorFailureList> {
  const rows = await ctx.deps.simulator.store.listFailures();
  return {
    items: rows.map((r) => ({ phone: r.phone, code: r.code, createdAt: r.createdAt.toISOString() })),
    codes: TWILIO_ERROR_CODES.map((c) => ({ code: c.code, meaning: c.meaning, stage: c.stage, permanent: c.permanent })),
  };
}

export async function setFailure({ ctx, input }: { ctx: Ctx; input: SimulatorFailureInput }): Promise<SimulatorFailureList> {
  const phone = phoneField(input.phone, 'phone');
  // Only codes from the table: the simulator must know at which stage Twilio reports each one.
  if (!errorCodeInfo(input.code)) throw invalid('unknown_error_code', 'code', { code: input.code });
  await ctx.deps.simulator.failNumber(phone, input.code);
  return listFailures({ ctx });
}

export async function clearFailure({ ctx, input }: { ctx: Ctx; input: { phone: string } }): Promise<SimulatorFailureList> {
  await ctx.deps.simulator.clearFailure(phoneField(input.phone, 'phone'));
  return listFailures({ ctx });
}
