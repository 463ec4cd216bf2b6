import crypto from 'node:crypto';
import type { CallTranscriptEntry } from '../../../contracts/simulator.ts';
import { AppError } from '../../platform/errors.ts';
import type { SimulatorSms } from './simulator.adapter.ts';
import type { SimulatedCall } from './simulator-store.ts';
import { E164 } from './sms.port.ts';
import { readTwiml, TwimlParseError, type StoredWaiting, type TwimlVerb } from './twiml-reader.ts';

/**
 * A community member calls Haven in the simulator: the walker plays Twilio's side of an
 * inbound call. It POSTs signed voice webhooks, follows the TwiML answers verb by verb
 * (Say, Play, Pause, Dial, Redirect, Hangup) and stops where Twilio would wait for the
 * caller (Gather, Record). The caller's moves (keys, a message, silence, hanging up) pick
 * the walk up again. State lives in the simulator's store, so any web process can go on.
 */
export interface SimulatorVoice {
  startInboundCall(input: { from: string; to: string }): Promise<SimulatedCall>;
  pressDigits(callSid: string, digits: string): Promise<SimulatedCall>;
  leaveRecording(callSid: string, input: { text: string }): Promise<SimulatedCall>;
  /** The caller does nothing: a Gather or Record times out and Twilio falls through to the next verb. */
  timeoutGather(callSid: string): Promise<SimulatedCall>;
  hangUp(callSid: string): Promise<SimulatedCall>;
  getCall(callSid: string): Promise<SimulatedCall | null>;
}

export interface SimulatorVoiceOptions {
  /** Haven's public base URL: the voice and status webhook URLs hang off it, and signatures cover it. */
  publicUrl: string;
  now?: () => Date;
  /** Requests one caller move may cause; a Redirect loop stops here instead of spinning forever. */
  maxFetchesPerStep?: number;
}

type SimulatorLink = Pick<SimulatorSms, 'store' | 'accountSid' | 'sign' | 'fetchTwiml' | 'notify'>;
type Step = { kind: 'fetch'; url: string; extra: Record<string, string> } | { kind: 'run'; verbs: TwimlVerb[]; documentUrl: string };

const API_VERSION = '2010-04-01';
const newSid = (prefix: 'CA' | 'RE') => prefix + crypto.randomBytes(16).toString('hex');
const int = (v: string | undefined, fallback: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback);
// Spoken English runs at about 150 words a minute: how long the pretend recording lasts.
const spokenSeconds = (text: string) => Math.ceil(text.split(/\s+/).filter(Boolean).length / 2.5);

export function createSimulatorVoice(sim: SimulatorLink, opts: SimulatorVoiceOptions): SimulatorVoice {
  const now = opts.now ?? (() => new Date());
  const maxFetches = opts.maxFetchesPerStep ?? 20;
  const base = opts.publicUrl.replace(/\/$/, '');
  // One move at a time per call in this process: two quick key presses must not both answer one Gather.
  const queues = new Map<string, Promise<unknown>>();

  function serialized<T>(callSid: string, fn: () => Promise<T>): Promise<T> {
    const prev = queues.get(callSid) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const settled = next.catch(() => undefined);
    queues.set(callSid, settled);
    void settled.then(() => queues.get(callSid) === settled && queues.delete(callSid));
    return next;
  }

  const say = (call: SimulatedCall, entry: DistributiveOmit<CallTranscriptEntry, 'at'>) =>
    call.transcript.push({ ...entry, at: now().toISOString() } as CallTranscriptEntry);

  const callParams = (call: SimulatedCall): Record<string, string> => ({
    AccountSid: sim.accountSid,
    ApiVersion: API_VERSION,
    CallSid: call.providerId,
    CallStatus: call.status,
    Direction: 'inbound',
    From: call.from,
    To: call.to,
    Caller: call.from,
    Called: call.to,
  });

  function end(call: SimulatedCall, by: 'haven' | 'caller' | null) {
    if (by) say(call, { kind: 'hangup', by });
    call.status = 'completed';
    call.waiting = null;
  }

  /** The verbs that only make sound; false for anything else. */
  function hear(call: SimulatedCall, v: TwimlVerb): boolean {
    if (v.verb === 'Say') say(call, { kind: 'say', text: v.text, language: v.attrs.language ?? null });
    else if (v.verb === 'Play') say(call, { kind: 'play', url: v.text });
    else if (v.verb === 'Pause') say(call, { kind: 'pause', seconds: int(v.attrs.length, 1) });
    else return false;
    return true;
  }

  /** Play one document's verbs until one waits, ends the call or sends it elsewhere. */
  function run(call: SimulatedCall, verbs: TwimlVerb[], documentUrl: string): Step | null {
    const resolve = (u: string | undefined) => new URL(u || documentUrl, documentUrl).toString();
    for (let i = 0; i < verbs.length; i++) {
      const v = verbs[i];
      const rest = verbs.slice(i + 1);
      if (hear(call, v)) continue;
      switch (v.verb) {
        case 'Dial': {
          const number = v.text || v.children.map((c) => c.text).join(', ');
          say(call, { kind: 'dial', number });
          // The simulator has no second phone: the dialled party never answers.
          if (v.attrs.action) return { kind: 'fetch', url: resolve(v.attrs.action), extra: { DialCallStatus: 'no-answer' } };
          break;
        }
        case 'Gather': {
          const prompts: string[] = [];
          // Nested Say/Play/Pause are heard while the Gather listens.
          for (const c of v.children) if (hear(call, c) && c.verb === 'Say') prompts.push(c.text);
          call.waiting = {
            verb: 'gather', action: resolve(v.attrs.action), method: (v.attrs.method ?? 'POST').toUpperCase(),
            numDigits: v.attrs.numDigits ? int(v.attrs.numDigits, 1) : null, finishOnKey: v.attrs.finishOnKey ?? '#',
            timeout: int(v.attrs.timeout, 5), prompts, documentUrl, rest, actionOnEmptyResult: v.attrs.actionOnEmptyResult === 'true',
          };
          return null;
        }
        case 'Record':
          if (v.attrs.playBeep !== 'false') say(call, { kind: 'beep' });
          call.waiting = {
            verb: 'record', action: resolve(v.attrs.action), method: (v.attrs.method ?? 'POST').toUpperCase(),
            maxLength: int(v.attrs.maxLength, 3600), documentUrl, rest,
          };
          return null;
        case 'Redirect':
          return { kind: 'fetch', url: resolve(v.text), extra: {} };
        case 'Hangup':
          end(call, 'haven');
          return null;
        default:
          // Enqueue, Conference, Connect…: not simulated; noted so the page shows what was skipped.
          say(call, { kind: 'unsupported', verb: v.verb });
      }
    }
    // Twilio hangs up when a document runs out of verbs.
    end(call, 'haven');
    return null;
  }

  /** Follow the call from `first` until it waits or ends; every request signed as Twilio would. */
  async function advance(call: SimulatedCall, first: Step) {
    let step: Step | null = first;
    let fetches = 0;
    while (step) {
      if (step.kind === 'run') {
        step = run(call, step.verbs, step.documentUrl);
        continue;
      }
      if (fetches >= maxFetches) {
        say(call, { kind: 'error', code: null, message: `stopped after ${maxFetches} requests without waiting for the caller (a Redirect loop?)` });
        end(call, 'haven');
        return;
      }
      fetches++;
      let verbs: TwimlVerb[];
      try {
        verbs = readTwiml(await sim.fetchTwiml(sim.sign(step.url, { ...callParams(call), ...step.extra })));
      } catch (error) {
        // Twilio's own codes: 12100 document parse failure, 11200 HTTP retrieval failure; either way the call ends.
        const parse = error instanceof TwimlParseError;
        say(call, { kind: 'error', code: parse ? 12100 : 11200, message: (error as Error).message });
        end(call, 'haven');
        return;
      }
      call.url = step.url;
      if (call.status === 'ringing') call.status = 'in-progress';
      step = { kind: 'run', verbs, documentUrl: step.url };
    }
  }

  /** Persist a move; callers reach here only from an open call, so "completed" means it just ended: tell Haven. */
  async function save(call: SimulatedCall) {
    await sim.store.updateCall(call.providerId, { status: call.status, transcript: call.transcript, waiting: call.waiting, url: call.url });
    if (call.status === 'completed') {
      const seconds = Math.max(0, Math.round((now().getTime() - call.createdAt.getTime()) / 1000));
      await sim.notify(sim.sign(call.statusCallback, { ...callParams(call), CallDuration: String(seconds) }));
    }
    return call;
  }

  async function load(callSid: string) {
    const call = await sim.store.getCall(callSid);
    if (!call) throw new AppError('call_not_found', 404, {}, 'sid');
    return call;
  }

  async function waitingOn<V extends StoredWaiting['verb']>(callSid: string, verb: V) {
    const call = await load(callSid);
    const w = call.waiting;
    if (!w || w.verb !== verb) throw new AppError('call_not_waiting', 409, { verb });
    return { call, waiting: w as Extract<StoredWaiting, { verb: V }> };
  }

  /** What follows a Gather or Record the caller let pass: the rest of its document. */
  const fallThrough = (w: StoredWaiting): Step => ({ kind: 'run', verbs: w.rest, documentUrl: w.documentUrl });

  return {
    async startInboundCall({ from, to }) {
      const call: SimulatedCall = {
        providerId: newSid('CA'), direction: 'inbound', from: E164.parse(from), to: E164.parse(to), url: `${base}/webhooks/twilio/voice`,
        statusCallback: `${base}/webhooks/twilio/status`, status: 'ringing', transcript: [], waiting: null, createdAt: now(),
      };
      await sim.store.insertCall(call);
      return serialized(call.providerId, async () => {
        await advance(call, { kind: 'fetch', url: call.url, extra: {} });
        return save(call);
      });
    },

    pressDigits: (callSid, digits) =>
      serialized(callSid, async () => {
        const { call, waiting } = await waitingOn(callSid, 'gather');
        say(call, { kind: 'digits', digits });
        let entered = digits;
        let finishedOnKey = '';
        const stop = [...digits].findIndex((k) => waiting.finishOnKey.includes(k));
        if (waiting.finishOnKey && stop >= 0) {
          finishedOnKey = digits[stop];
          entered = digits.slice(0, stop);
        }
        if (waiting.numDigits) entered = entered.slice(0, waiting.numDigits);
        call.waiting = null;
        const empty = entered === '' && !waiting.actionOnEmptyResult;
        await advance(call, empty ? fallThrough(waiting) : { kind: 'fetch', url: waiting.action, extra: { Digits: entered, FinishedOnKey: finishedOnKey } });
        return save(call);
      }),

    leaveRecording: (callSid, { text }) =>
      serialized(callSid, async () => {
        const { call, waiting } = await waitingOn(callSid, 'record');
        const seconds = Math.min(Math.max(1, spokenSeconds(text)), waiting.maxLength);
        const recordingSid = newSid('RE');
        say(call, { kind: 'recording', text, seconds });
        call.waiting = null;
        // A URL that cannot resolve (.invalid is reserved): there is no audio, only the words in the transcript.
        const recordingUrl = `https://recordings.simulator.invalid/Accounts/${sim.accountSid}/Recordings/${recordingSid}`;
        await advance(call, {
          kind: 'fetch', url: waiting.action,
          extra: { RecordingUrl: recordingUrl, RecordingDuration: String(seconds), RecordingSid: recordingSid, RecordingStatus: 'completed' },
        });
        return save(call);
      }),

    timeoutGather: (callSid) =>
      serialized(callSid, async () => {
        const call = await load(callSid);
        const w = call.waiting;
        if (!w) throw new AppError('call_not_waiting', 409, { verb: 'gather' });
        say(call, { kind: 'silence' });
        call.waiting = null;
        const askAnyway = w.verb === 'gather' && w.actionOnEmptyResult;
        await advance(call, askAnyway ? { kind: 'fetch', url: w.action, extra: { Digits: '' } } : fallThrough(w));
        return save(call);
      }),

    hangUp: (callSid) =>
      serialized(callSid, async () => {
        const call = await load(callSid);
        // Hanging up twice is one hang-up (a double click, a retry).
        if (call.status === 'completed') return call;
        end(call, 'caller');
        return save(call);
      }),

    getCall: (callSid) => sim.store.getCall(callSid),
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
