import { and, asc, eq, isNull } from 'drizzle-orm';
import twilio from 'twilio';
import { WebhookPayloadError } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { publish } from '../../platform/realtime/index.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { voiceCalls } from '../messaging/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { callbackTasks, hotlineResponders, hotlineSettings } from './hotline.table.ts';
import { ACCEPT_DIGIT, EMERGENCY_DIGIT, LANGUAGE_MENU, PROMPTS, VOICE_LANG } from './ivr-prompts.ts';
import { callAnswered, type CallCallbackReason, linkCallToConversation, markCallEmergency, noteCallback } from './call-conversations.ts';
import { onCallResponders, type OnCall } from './on-call.ts';

/**
 * The hotline's voice line as TwiML, one function per webhook. Where the call is going
 * travels in the callback URLs (org, language, escalation tier, emergency), which Twilio
 * signs with the rest of the URL, so a caller cannot change them.
 *
 *   menu (Korean first) → [national number: which affiliate] → surge? know-your-rights + callback
 *   → nobody on call? after-hours voicemail → "press 9 if someone is detained" → ring every
 *   on-call primary who speaks the language (each hears a whisper and must press 1, so a
 *   voicemail box never "answers") → backup → coordinator → voicemail + callback task.
 *   A caller who hangs up on the way, once past the menu, gets a callback too (missed-calls.ts).
 */
export interface IvrState {
  org: string;
  lang: Lang;
  tier: number;
  emergency: boolean;
}
const TIERS = ['primary', 'backup', 'coordinator'] as const;
const VOICE = '/webhooks/twilio/voice';
const MENU_TRIES = 2;

export const stateQuery = (s: IvrState, extra: Record<string, string> = {}) =>
  new URLSearchParams({ org: s.org, lang: s.lang, tier: String(s.tier), e: s.emergency ? '1' : '0', ...extra }).toString();

const response = () => new twilio.twiml.VoiceResponse();
const sayIn = (r: ReturnType<typeof response>, lang: Lang, text: string) => r.say({ language: VOICE_LANG[lang] }, text);

/** The first answer: the language menu, Korean first. */
export async function answerIncomingCall(deps: Deps, call: { callSid: string; from: string; to: string; status: string; orgId: string; senderId: string }): Promise<string> {
  await deps.database.db
    .insert(voiceCalls)
    .values({ orgId: call.orgId, providerId: call.callSid, direction: 'inbound', fromAddress: call.from, toAddress: call.to, senderId: call.senderId, status: call.status })
    .onConflictDoNothing({ target: voiceCalls.providerId });
  return languageMenu(1);
}

function languageMenu(attempt: number): string {
  const r = response();
  const gather = r.gather({ numDigits: 1, timeout: 6, action: `${VOICE}/language?try=${attempt}`, method: 'POST' });
  for (const m of LANGUAGE_MENU) gather.say({ language: VOICE_LANG[m.lang] }, m.prompt);
  // No key: the action is asked anyway, with empty Digits, so the menu can repeat once.
  r.redirect({ method: 'POST' }, `${VOICE}/language?try=${attempt}`);
  return r.toString();
}

/** A key (or none) at the language menu: repeat once on nothing or a wrong key, then carry on in English. */
export async function chooseLanguage(deps: Deps, q: { callSid: string; from: string; senderId: string; digits: string | null; attempt: number; orgId: string }): Promise<string> {
  const chosen = LANGUAGE_MENU.find((m) => m.digit === q.digits)?.lang;
  if (!chosen && q.attempt < MENU_TRIES) return languageMenu(q.attempt + 1);
  const lang = chosen ?? 'en';
  await deps.database.db.update(voiceCalls).set({ lang, updatedAt: new Date() }).where(eq(voiceCalls.providerId, q.callSid));
  const [org] = await deps.database.db.select().from(organizations).where(eq(organizations.id, q.orgId));
  if (org?.kind === 'network') return affiliateMenu(deps, q.orgId, lang, 1);
  await linkCallToConversation(deps, { orgId: q.orgId, callSid: q.callSid, from: q.from, lang, senderId: q.senderId });
  return afterLanguage(deps, { org: q.orgId, lang, tier: 0, emergency: false }, org?.name ?? 'Haven');
}

async function affiliatesOf(deps: Deps, networkId: string) {
  return deps.database.db.select().from(organizations).where(and(eq(organizations.parentId, networkId), eq(organizations.kind, 'affiliate'))).orderBy(asc(organizations.name));
}

/** The national number: which affiliate (by name, in the caller's language), so the call reaches people near them. */
async function affiliateMenu(deps: Deps, networkId: string, lang: Lang, attempt: number): Promise<string> {
  const affiliates = (await affiliatesOf(deps, networkId)).slice(0, 9);
  const r = response();
  const gather = r.gather({ numDigits: 1, timeout: 6, action: `${VOICE}/affiliate?lang=${lang}&try=${attempt}`, method: 'POST' });
  affiliates.forEach((a, i) => gather.say({ language: VOICE_LANG[lang] }, PROMPTS[lang].chooseAffiliate(a.name, i + 1)));
  r.redirect({ method: 'POST' }, `${VOICE}/affiliate?lang=${lang}&try=${attempt}`);
  return r.toString();
}

/** A key at the national menu. Nothing twice: the national office's own responders take the call. */
export async function chooseAffiliate(deps: Deps, q: { networkId: string; lang: Lang; digits: string | null; attempt: number; callSid: string; from: string; senderId: string }): Promise<string> {
  const affiliates = (await affiliatesOf(deps, q.networkId)).slice(0, 9);
  const picked = q.digits && /^[1-9]$/.test(q.digits) ? affiliates[Number(q.digits) - 1] : undefined;
  if (!picked && q.attempt < MENU_TRIES) return affiliateMenu(deps, q.networkId, q.lang, q.attempt + 1);
  const [network] = await deps.database.db.select().from(organizations).where(eq(organizations.id, q.networkId));
  const org = picked ?? network!;
  await linkCallToConversation(deps, { orgId: org.id, callSid: q.callSid, from: q.from, lang: q.lang, senderId: q.senderId });
  return afterLanguage(deps, { org: org.id, lang: q.lang, tier: 0, emergency: false }, org.name);
}

/** The org a callback URL names must be the number's own, or one of its affiliates when it is the national number. */
export async function assertRoutableOrg(deps: Deps, numberOrgId: string, orgId: string) {
  if (orgId === numberOrgId) return;
  const [org] = await deps.database.db.select({ parentId: organizations.parentId }).from(organizations).where(eq(organizations.id, orgId));
  if (org?.parentId !== numberOrgId) throw new WebhookPayloadError('org', 'invalid');
}

export async function settingsOf(deps: Deps, orgId: string) {
  const [s] = await deps.database.db.select().from(hotlineSettings).where(eq(hotlineSettings.orgId, orgId));
  return { ringSeconds: s?.ringSeconds ?? 20, surge: s?.surge ?? false };
}

/** Language known: surge message, after-hours voicemail, or the emergency question before ringing. */
async function afterLanguage(deps: Deps, s: IvrState, orgName: string): Promise<string> {
  const p = PROMPTS[s.lang];
  const r = response();
  const settings = await settingsOf(deps, s.org);
  if (settings.surge) {
    const gather = r.gather({ numDigits: 1, timeout: 6, action: `${VOICE}/surge?${stateQuery(s)}`, method: 'POST' });
    gather.say({ language: VOICE_LANG[s.lang] }, p.surge);
    recordVoicemail(r, s, p.voicemail);
    return r.toString();
  }
  if (!(await onCallResponders(deps.database.db, s.org, new Date())).length) {
    recordVoicemail(r, s, p.afterHours(orgName));
    return r.toString();
  }
  sayIn(r, s.lang, p.welcome(orgName));
  const gather = r.gather({ numDigits: 1, timeout: 4, action: `${VOICE}/route?${stateQuery(s)}`, method: 'POST' });
  gather.say({ language: VOICE_LANG[s.lang] }, p.emergencyOffer);
  r.redirect({ method: 'POST' }, `${VOICE}/route?${stateQuery(s)}`);
  return r.toString();
}

function recordVoicemail(r: ReturnType<typeof response>, s: IvrState, prompt: string) {
  sayIn(r, s.lang, prompt);
  r.record({ maxLength: 180, playBeep: true, action: `${VOICE}/recorded?${stateQuery(s)}`, method: 'POST' });
  sayIn(r, s.lang, PROMPTS[s.lang].thanks);
  r.hangup();
}

/** Who rings at a tier: primaries then backups who speak the language, then any coordinator. */
export function ringList(onCall: OnCall[], tier: number, lang: Lang): OnCall[] {
  const role = TIERS[tier];
  return onCall.filter((o) => o.phoneE164 && o.roles.includes(role) && (role === 'coordinator' || o.languages.includes(lang)));
}

/** Ring the first tier (from `s.tier`) that has anyone; past the last, voicemail. */
export async function ringTier(deps: Deps, s: IvrState, hotlineNumber: string, opts: { first: boolean }): Promise<string> {
  const p = PROMPTS[s.lang];
  const r = response();
  const onCall = await onCallResponders(deps.database.db, s.org, new Date());
  let tier = s.tier;
  while (tier < TIERS.length && !ringList(onCall, tier, s.lang).length) tier++;
  if (tier >= TIERS.length) {
    recordVoicemail(r, s, p.voicemail);
    return r.toString();
  }
  const at = { ...s, tier };
  sayIn(r, s.lang, opts.first ? p.connecting : p.stillTrying);
  const { ringSeconds } = await settingsOf(deps, s.org);
  // Every phone at the tier rings at once; callers and responders see only the hotline number.
  const dial = r.dial({ callerId: hotlineNumber, timeout: ringSeconds, answerOnBridge: true, action: `${VOICE}/dialed?${stateQuery(at)}`, method: 'POST' });
  for (const o of ringList(onCall, tier, s.lang)) dial.number({ url: `${VOICE}/whisper?${stateQuery(at)}`, method: 'POST' }, o.phoneE164!);
  return r.toString();
}

/** After the emergency question: 9 marks the call an emergency (whispered to responders); then ring. */
export async function routeCall(deps: Deps, s: IvrState, q: { digits: string | null; callSid: string }, hotlineNumber: string): Promise<string> {
  const emergency = s.emergency || q.digits === EMERGENCY_DIGIT;
  if (emergency) await markCallEmergency(deps, { orgId: s.org, callSid: q.callSid });
  return ringTier(deps, { ...s, emergency }, hotlineNumber, { first: true });
}

/** How the Dial ended: a completed call is done; otherwise the next tier rings. */
export async function afterDial(deps: Deps, s: IvrState, dialStatus: string | null, hotlineNumber: string): Promise<string> {
  if (dialStatus === 'completed' || dialStatus === 'answered') return response().hangup().toString();
  return ringTier(deps, { ...s, tier: s.tier + 1 }, hotlineNumber, { first: false });
}

/** The responder's phone picked up: they must press 1, so a voicemail box that answers hangs up instead. */
export function whisper(s: IvrState): string {
  const r = response();
  const gather = r.gather({ numDigits: 1, timeout: 8, action: `${VOICE}/accept?${stateQuery(s)}`, method: 'POST' });
  gather.say({ language: VOICE_LANG[s.lang] }, PROMPTS[s.lang].whisper(s.emergency));
  r.hangup();
  return r.toString();
}

/**
 * 1 joins the call (the whisper document ends without hanging up); anything else declines.
 * The first responder to accept is recorded on the caller's call: the reports tell answered
 * calls from missed ones by it.
 */
export async function acceptWhisper(deps: Deps, s: IvrState, q: { digits: string | null; parentCallSid: string | null; responderPhone: string }): Promise<string> {
  const r = response();
  if (q.digits !== ACCEPT_DIGIT) return r.hangup().toString();
  if (q.parentCallSid) {
    const db = deps.database.db;
    const [who] = await db.select({ userId: hotlineResponders.userId }).from(hotlineResponders).where(and(eq(hotlineResponders.orgId, s.org), eq(hotlineResponders.phoneE164, q.responderPhone)));
    const first = await db
      .update(voiceCalls)
      .set({ answeredBy: who?.userId ?? null, answeredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(voiceCalls.providerId, q.parentCallSid), isNull(voiceCalls.answeredAt)))
      .returning({ id: voiceCalls.id });
    if (first.length) await callAnswered(deps, { orgId: s.org, callSid: q.parentCallSid, userId: who?.userId ?? null });
  }
  sayIn(r, s.lang, PROMPTS[s.lang].accepted);
  return r.toString();
}

/** Surge mode: 1 asks for a call back, worked in order from the callback queue. */
export async function surgeChoice(deps: Deps, s: IvrState, q: { callSid: string; from: string; digits: string | null }): Promise<string> {
  const r = response();
  if (q.digits !== '1') {
    recordVoicemail(r, s, PROMPTS[s.lang].voicemail);
    return r.toString();
  }
  await addCallback(deps, s, { callSid: q.callSid, phone: q.from, reason: 'surge', recordingUrl: null });
  sayIn(r, s.lang, PROMPTS[s.lang].callbackQueued);
  r.hangup();
  return r.toString();
}

/** A voicemail: kept on the call and put in the callback queue. */
export async function saveVoicemail(deps: Deps, s: IvrState, q: { callSid: string; from: string; recordingUrl: string | null }): Promise<string> {
  if (q.recordingUrl) await deps.database.db.update(voiceCalls).set({ recordingUrl: q.recordingUrl, updatedAt: new Date() }).where(eq(voiceCalls.providerId, q.callSid));
  await addCallback(deps, s, { callSid: q.callSid, phone: q.from, reason: 'voicemail', recordingUrl: q.recordingUrl });
  const r = response();
  sayIn(r, s.lang, PROMPTS[s.lang].thanks);
  r.hangup();
  return r.toString();
}

/** Where a call's callback goes and how it is worked: the affiliate, the caller's language, emergency first. */
export type CallbackTarget = Pick<IvrState, 'org' | 'lang' | 'emergency'>;

/**
 * A call's callback — a voicemail, a surge caller's request, a missed call (missed-calls.ts) —
 * and its entry on the call's conversation, written together. One per call and reason: a
 * retried webhook or job adds nothing.
 */
export async function addCallback(deps: Deps, s: CallbackTarget, c: { callSid: string; phone: string; reason: CallCallbackReason; recordingUrl: string | null }): Promise<{ id: string } | null> {
  return deps.database.db.transaction(async (tx) => {
    const [added] = await tx
      .insert(callbackTasks)
      .values({ orgId: s.org, phoneE164: c.phone, lang: s.lang, reason: c.reason, recordingUrl: c.recordingUrl, callSid: c.callSid, emergency: s.emergency })
      .onConflictDoNothing({ target: [callbackTasks.orgId, callbackTasks.callSid, callbackTasks.reason] })
      .returning({ id: callbackTasks.id });
    if (!added) return null;
    const conversationId = await noteCallback(tx, { orgId: s.org, callSid: c.callSid, reason: c.reason });
    if (conversationId) await tx.update(callbackTasks).set({ conversationId }).where(eq(callbackTasks.id, added.id));
    await publish(tx, { orgId: s.org, topic: 'hotline.callback', data: { id: added.id, change: 'created' } });
    return added;
  });
}
