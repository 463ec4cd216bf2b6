import { z } from 'zod';

/**
 * The phone and email simulator's API (/api/v1/simulator): a person plays a community
 * member's phone against Haven's numbers, and reads what the email simulator "sent".
 * Phones are checked as E.164 by the verbs, so the error can quote the number typed.
 */
const PhoneInput = z.string().trim().min(1).max(32);
const CallSidParam = z.string().regex(/^CA[0-9a-f]{32}$/);

/** One of Haven's numbers a member can text or call (only orgs that use the simulator). */
export const SimulatorNumber = z.object({ phone: z.string(), label: z.string(), orgName: z.string() });
export type SimulatorNumber = z.infer<typeof SimulatorNumber>;
export const SimulatorNumberList = z.object({ items: z.array(SimulatorNumber) });
export type SimulatorNumberList = z.infer<typeof SimulatorNumberList>;

export const SimulatorPhoneParams = z.object({ phone: PhoneInput });
export type SimulatorPhoneParams = z.infer<typeof SimulatorPhoneParams>;

export const SimulatorMessage = z.object({
  id: z.string(),
  /** inbound: the member's phone texted Haven; outbound: Haven texted the member. */
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  to: z.string(),
  body: z.string(),
  status: z.string(),
  errorCode: z.number().int().nullable(),
  createdAt: z.string(),
});
export type SimulatorMessage = z.infer<typeof SimulatorMessage>;
export const SimulatorMessageList = z.object({ items: z.array(SimulatorMessage) });
export type SimulatorMessageList = z.infer<typeof SimulatorMessageList>;

/** Generous in characters of UTF-16; the verb counts Unicode characters against Twilio's 1,600. */
export const SimulatorSmsInput = z.object({ from: PhoneInput, to: PhoneInput, body: z.string().min(1).max(3200) });
export type SimulatorSmsInput = z.infer<typeof SimulatorSmsInput>;
export const SimulatorSmsResult = z.object({ messageSid: z.string() });
export type SimulatorSmsResult = z.infer<typeof SimulatorSmsResult>;

/** What the caller heard or did, in order. */
export const CallTranscriptEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('say'), text: z.string(), language: z.string().nullable(), at: z.string() }),
  z.object({ kind: z.literal('play'), url: z.string(), at: z.string() }),
  z.object({ kind: z.literal('pause'), seconds: z.number(), at: z.string() }),
  z.object({ kind: z.literal('dial'), number: z.string(), at: z.string() }),
  /** A dialled phone picked up and the two calls were joined. */
  z.object({ kind: z.literal('connected'), number: z.string(), at: z.string() }),
  /** How a Dial ended for this side: completed, no-answer, busy, canceled. */
  z.object({ kind: z.literal('dial-ended'), status: z.string(), at: z.string() }),
  z.object({ kind: z.literal('beep'), at: z.string() }),
  z.object({ kind: z.literal('digits'), digits: z.string(), at: z.string() }),
  z.object({ kind: z.literal('recording'), text: z.string(), seconds: z.number().int(), at: z.string() }),
  z.object({ kind: z.literal('silence'), at: z.string() }),
  z.object({ kind: z.literal('hangup'), by: z.enum(['haven', 'caller']), at: z.string() }),
  z.object({ kind: z.literal('unsupported'), verb: z.string(), at: z.string() }),
  /** code: Twilio's error code where it has one (11200 HTTP retrieval failure, 12100 document parse failure). */
  z.object({ kind: z.literal('error'), code: z.number().int().nullable(), message: z.string(), at: z.string() }),
]);
export type CallTranscriptEntry = z.infer<typeof CallTranscriptEntry>;

/** The verb the call is waiting on: the caller presses keys (gather) or speaks (record). */
export const CallWaiting = z.discriminatedUnion('verb', [
  z.object({
    verb: z.literal('gather'),
    action: z.string(),
    method: z.string(),
    numDigits: z.number().int().nullable(),
    finishOnKey: z.string(),
    timeout: z.number(),
    prompts: z.array(z.string()),
  }),
  z.object({ verb: z.literal('record'), action: z.string(), method: z.string(), maxLength: z.number().int() }),
  /** A Dial ringing the numbers' phones (legs: the calls placed to them). */
  z.object({ verb: z.literal('dial'), action: z.string().nullable(), timeout: z.number(), numbers: z.array(z.string()), legs: z.array(z.string()) }),
  /** Joined to one dialled phone until either side hangs up. */
  z.object({ verb: z.literal('bridged'), action: z.string().nullable(), leg: z.string(), number: z.string(), since: z.string() }),
]);
export type CallWaiting = z.infer<typeof CallWaiting>;

export const SimulatorCall = z.object({
  sid: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  /** For a call Haven's Dial placed to a phone: the call it belongs to. */
  parentSid: z.string().nullable(),
  transcript: z.array(CallTranscriptEntry),
  waiting: CallWaiting.nullable(),
  createdAt: z.string(),
});
export type SimulatorCall = z.infer<typeof SimulatorCall>;
export const SimulatorCallList = z.object({ items: z.array(SimulatorCall) });
export type SimulatorCallList = z.infer<typeof SimulatorCallList>;

export const SimulatorCallInput = z.object({ from: PhoneInput, to: PhoneInput });
export type SimulatorCallInput = z.infer<typeof SimulatorCallInput>;
export const SimulatorCallParams = z.object({ sid: CallSidParam });
export type SimulatorCallParams = z.infer<typeof SimulatorCallParams>;
/** Keys of a phone keypad; finishOnKey (usually #) ends the entry early. */
export const SimulatorDigitsInput = z.object({ digits: z.string().regex(/^[0-9*#]{1,20}$/) });
export type SimulatorDigitsInput = z.infer<typeof SimulatorDigitsInput>;
/** What the caller "says" after the beep: the simulator has no microphone, so the words stand in for the audio. */
export const SimulatorRecordingInput = z.object({ text: z.string().trim().min(1).max(2000) });
export type SimulatorRecordingInput = z.infer<typeof SimulatorRecordingInput>;

export const SimulatorFailureInput = z.object({ phone: PhoneInput, code: z.number().int() });
export type SimulatorFailureInput = z.infer<typeof SimulatorFailureInput>;
export const SimulatorErrorCode = z.object({ code: z.number().int(), meaning: z.string(), stage: z.enum(['api', 'delivery']), permanent: z.boolean() });
export type SimulatorErrorCode = z.infer<typeof SimulatorErrorCode>;
export const SimulatorFailureList = z.object({
  items: z.array(z.object({ phone: z.string(), code: z.number().int(), createdAt: z.string() })),
  /** The codes a number can be told to fail with, for the picker. */
  codes: z.array(SimulatorErrorCode),
});
export type SimulatorFailureList = z.infer<typeof SimulatorFailureList>;

export const SimulatorEmailSummary = z.object({ id: z.uuid(), to: z.string(), subject: z.string(), createdAt: z.string() });
export type SimulatorEmailSummary = z.infer<typeof SimulatorEmailSummary>;
export const SimulatorEmail = SimulatorEmailSummary.extend({ text: z.string(), html: z.string().nullable(), headers: z.record(z.string(), z.string()) });
export type SimulatorEmail = z.infer<typeof SimulatorEmail>;
export const SimulatorEmailList = z.object({
  items: z.array(SimulatorEmailSummary),
  /** True when the viewer sees every address (members.manage); false: only mail to their own address. */
  allAddresses: z.boolean(),
});
export type SimulatorEmailList = z.infer<typeof SimulatorEmailList>;
