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
  /** A phone that Haven's Dial is ringing picks up: it hears the whisper (the Number's url), if any, then is joined to the caller. */
  answerCall(legSid: string): Promise<SimulatedCall>;
  /** A ringing phone declines (or is busy). */
  rejectCall(legSid: string): Promise<SimulatedCall>;
  /** Nobody picks up before the Dial's timeout: every ringing phone stops and the Dial ends with no-answer. */
  ringOut(callSid: string): Promise<SimulatedCall>;
}

export interface SimulatorVoiceOptions {
  /** Haven's public base URL: the voice and status webhook URLs hang off it, and signatures cover it. */
  publicUrl: string;
  now?: () => Date;
  /** Requests one caller move may cause; a Redirect loop stops here instead of spinning forever. */
  maxFetchesPerStep?: number;
}

type SimulatorLink = Pick<SimulatorSms, 'store' | 'accountSid' | 'sign' | 'fetchTwiml' | 'notify'>;
type DialNumber = { number: string; url: string | null };
type Step =
  | { kind: 'fetch'; url: string; extra: Record<string, string> }
  | { kind: 'run'; verbs: TwimlVerb[]; documentUrl: string }
  | { kind: 'dial'; numbers: DialNumber[]; action: string | null; timeout: number; callerId: string; documentUrl: string; rest: TwimlVerb[] }
  /** A dialled phone's whisper ran to its end without hanging up: join it to the caller. */
  | { kind: 'bridge' };
const FINAL = new Set(['completed', 'canceled', 'busy', 'no-answer', 'failed']);

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
    Direction: call.parentSid ? 'outbound-dial' : 'inbound',
    ...(call.parentSid ? { ParentCallSid: call.parentSid } : {}),
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
          // <Number url="…"> children ring at once; the url is the whisper the picked-up phone hears first.
          const numbers: DialNumber[] = v.children.filter((c) => c.verb === 'Number').map((c) => ({ number: c.text, url: c.attrs.url ? resolve(c.attrs.url) : null }));
          if (!numbers.length && v.text) numbers.push({ number: v.text, url: null });
          say(call, { kind: 'dial', number: numbers.map((n) => n.number).join(', ') });
          return {
            kind: 'dial', numbers, action: v.attrs.action ? resolve(v.attrs.action) : null, timeout: int(v.attrs.timeout, 30),
            callerId: v.attrs.callerId || call.to, documentUrl, rest,
          };
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
    // A dialled phone that heard its whisper to the end is joined to the caller; any other call hangs up.
    if (call.parentSid && call.status === 'in-progress' && !call.waiting) return { kind: 'bridge' };
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
      if (step.kind === 'dial') {
        step = await startDial(call, step);
        continue;
      }
      if (step.kind === 'bridge') {
        await bridge(call);
        return;
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

  /** Ring every number: one call per phone, each waiting to be answered, declined or rung out. Null: the Dial waits. */
  async function startDial(call: SimulatedCall, d: Extract<Step, { kind: 'dial' }>): Promise<Step | null> {
    if (!d.numbers.length) return dialEnded(call, { verb: 'dial', action: d.action, timeout: d.timeout, numbers: [], legs: [], documentUrl: d.documentUrl, rest: d.rest }, 'failed');
    const legs: string[] = [];
    for (const n of d.numbers) {
      const leg: SimulatedCall = {
        providerId: newSid('CA'), direction: 'outbound', from: d.callerId, to: n.number, url: n.url ?? '', statusCallback: '', status: 'ringing',
        transcript: [], waiting: null, parentSid: call.providerId, createdAt: now(),
      };
      await sim.store.insertCall(leg);
      legs.push(leg.providerId);
    }
    call.waiting = { verb: 'dial', action: d.action, timeout: d.timeout, numbers: d.numbers.map((n) => n.number), legs, documentUrl: d.documentUrl, rest: d.rest };
    return null;
  }

  /** The Dial is over for the caller: Twilio requests its action with the outcome, or plays on after it. */
  function dialEnded(call: SimulatedCall, w: Extract<StoredWaiting, { verb: 'dial' | 'bridged' }>, status: string, seconds?: number): Step {
    call.waiting = null;
    say(call, { kind: 'dial-ended', status });
    const extra: Record<string, string> = { DialCallStatus: status, ...(seconds !== undefined ? { DialCallDuration: String(seconds) } : {}) };
    return w.action ? { kind: 'fetch', url: w.action, extra } : { kind: 'run', verbs: w.rest, documentUrl: w.documentUrl };
  }

  const endLeg = async (leg: SimulatedCall, status: string, by: 'haven' | 'caller' | null) => {
    if (by) say(leg, { kind: 'hangup', by });
    say(leg, { kind: 'dial-ended', status });
    leg.status = status as SimulatedCall['status'];
    leg.waiting = null;
    await sim.store.updateCall(leg.providerId, { status: leg.status, transcript: leg.transcript, waiting: null, url: leg.url });
  };

  /** Join a leg whose whisper ran out to its caller; the other phones stop ringing. A leg too late (another answered) is hung up. */
  async function bridge(leg: SimulatedCall) {
    const parent = await load(leg.parentSid!);
    const w = parent.waiting;
    if (w?.verb !== 'dial') {
      end(leg, 'haven');
      return;
    }
    const since = now().toISOString();
    parent.waiting = { verb: 'bridged', action: w.action, leg: leg.providerId, number: leg.to, since, documentUrl: w.documentUrl, rest: w.rest };
    say(parent, { kind: 'connected', number: leg.to });
    leg.waiting = { verb: 'bridged', action: null, leg: parent.providerId, number: parent.from, since, documentUrl: leg.url, rest: [] };
    say(leg, { kind: 'connected', number: parent.from });
    for (const sid of w.legs) {
      if (sid === leg.providerId) continue;
      const other = await sim.store.getCall(sid);
      if (other && !FINAL.has(other.status)) await endLeg(other, 'canceled', null);
    }
    await sim.store.updateCall(parent.providerId, { status: parent.status, transcript: parent.transcript, waiting: parent.waiting, url: parent.url });
  }

  /** After a leg ended without being joined: when no phone is still ringing, the Dial ends with no-answer. */
  async function settleDial(leg: SimulatedCall) {
    if (!leg.parentSid) return;
    const parent = await load(leg.parentSid);
    const w = parent.waiting;
    if (w?.verb !== 'dial') return;
    const legs = await Promise.all(w.legs.map((sid) => (sid === leg.providerId ? leg : sim.store.getCall(sid))));
    if (legs.some((l) => l && !FINAL.has(l.status))) return;
    const status = legs.every((l) => l?.status === 'busy') ? 'busy' : 'no-answer';
    await advance(parent, dialEnded(parent, w, status));
    await save(parent);
  }

  /** Persist a move; callers reach here only from an open call, so "completed" means it just ended: tell Haven. */
  async function save(call: SimulatedCall) {
    await sim.store.updateCall(call.providerId, { status: call.status, transcript: call.transcript, waiting: call.waiting, url: call.url });
    // A dialled phone that hung up before being joined (its whisper said Hangup, or nobody pressed 1).
    if (call.parentSid && FINAL.has(call.status) && call.waiting === null) await settleDial(call);
    if (call.status === 'completed' && call.statusCallback) {
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

  /** Every move on a call and its dialled legs goes through one queue: the caller's call's. */
  async function onCall<T>(callSid: string, fn: (call: SimulatedCall) => Promise<T>): Promise<T> {
    const first = await load(callSid);
    return serialized(first.parentSid ?? callSid, async () => fn(await load(callSid)));
  }

  async function leaveDial(leg: SimulatedCall, status: 'busy' | 'no-answer' | 'completed' | 'canceled', by: 'haven' | 'caller' | null) {
    await endLeg(leg, status, by);
    await settleDial(leg);
    return leg;
  }

  return {
    answerCall: (legSid) =>
      onCall(legSid, async (leg) => {
        if (!leg.parentSid || leg.status !== 'ringing') throw new AppError('call_not_waiting', 409, { verb: 'dial' });
        leg.status = 'in-progress';
        await advance(leg, leg.url ? { kind: 'fetch', url: leg.url, extra: {} } : { kind: 'bridge' });
        return save(leg);
      }),

    rejectCall: (legSid) =>
      onCall(legSid, async (leg) => {
        if (!leg.parentSid || leg.status !== 'ringing') throw new AppError('call_not_waiting', 409, { verb: 'dial' });
        return leaveDial(leg, 'busy', null);
      }),

    ringOut: (callSid) =>
      onCall(callSid, async (call) => {
        const w = call.waiting;
        if (w?.verb !== 'dial') throw new AppError('call_not_waiting', 409, { verb: 'dial' });
        for (const sid of w.legs) {
          const leg = await sim.store.getCall(sid);
          if (leg && !FINAL.has(leg.status)) await endLeg(leg, 'no-answer', null);
        }
        await advance(call, dialEnded(call, w, 'no-answer'));
        return save(call);
      }),

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
      onCall(callSid, async () => {
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
      onCall(callSid, async () => {
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
      onCall(callSid, async (call) => {
        const w = call.waiting;
        if (!w) throw new AppError('call_not_waiting', 409, { verb: 'gather' });
        say(call, { kind: 'silence' });
        call.waiting = null;
        const askAnyway = w.verb === 'gather' && w.actionOnEmptyResult;
        await advance(call, askAnyway ? { kind: 'fetch', url: w.action, extra: { Digits: '' } } : fallThrough(w));
        return save(call);
      }),

    hangUp: (callSid) =>
      onCall(callSid, async (call) => {
        // Hanging up twice is one hang-up (a double click, a retry).
        if (FINAL.has(call.status)) return call;
        const w = call.waiting;
        if (call.parentSid) {
          // A dialled phone hangs up: joined, the caller's Dial completes; still in the whisper, it declined.
          if (w?.verb !== 'bridged') return leaveDial(call, 'completed', 'caller');
          const parent = await load(call.parentSid);
          await endLeg(call, 'completed', 'caller');
          const pw = parent.waiting;
          if (pw?.verb === 'bridged' && pw.leg === call.providerId) {
            const seconds = Math.round((now().getTime() - new Date(pw.since).getTime()) / 1000);
            await advance(parent, dialEnded(parent, pw, 'completed', seconds));
            await save(parent);
          }
          return call;
        }
        // The caller hangs up: phones still ringing stop, a joined phone is hung up too.
        if (w?.verb === 'dial' || w?.verb === 'bridged') {
          for (const sid of w.verb === 'dial' ? w.legs : [w.leg]) {
            const leg = await sim.store.getCall(sid);
            if (leg && !FINAL.has(leg.status)) await endLeg(leg, w.verb === 'dial' ? 'canceled' : 'completed', null);
          }
        }
        end(call, 'caller');
        return save(call);
      }),

    getCall: (callSid) => sim.store.getCall(callSid),
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
