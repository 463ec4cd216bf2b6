import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SmsPort } from '../../integrations/sms/sms.port.ts';
import type { Deps } from '../../platform/context.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { recordConsent, consentFor } from './consent.ts';
import { enqueueSendJobs } from './enqueue-messages.ts';
import { badAddresses, inboundMessages, messagingSenders, outboundMessages } from './messaging.table.ts';
import { reserveSendSlot } from './pacing.ts';
import { smsProviderFor } from './providers.ts';
import type { SendJob } from './queues.ts';
import { isWithinAllWindows, nextSendTimeForAll, UNKNOWN_PLACE_FALLBACK } from './quiet-hours.ts';
import { sendOutboxEmail } from './send-outbox-email.ts';

type Row = typeof outboundMessages.$inferSelect;
type Outcome =
  | { id: string; kind: 'sent'; providerId: string; reconciled?: boolean }
  | { id: string; kind: 'final'; status: 'failed' | 'canceled'; reason: string; errorCode?: number | null }
  | { id: string; kind: 'later'; at: Date; reason: string; countAttempt: boolean };

/** Transient failures are retried this many times, backing off, before the message is given up. */
export const MAX_ATTEMPTS = 8;
const PACING_HORIZON_MS = 1_000;
const PARALLEL_SENDS = 8;

/**
 * Send one job's batch of outbox messages. Safe to run again on the same batch at any point
 * (the queue retries a batch whose worker died): a message is claimed (queued → sending)
 * before the provider is called, and a message found still 'sending' on a later run is
 * first looked up at the provider, so nobody gets it twice.
 */
export async function sendBatch(deps: Deps, job: SendJob, opts: { deadline: number; now?: () => Date }): Promise<{ sent: number }> {
  const db = deps.database.db;
  // Left 'sending' by a run that died: look them up before anything else.
  const stranded = await db
    .select()
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.id, job.ids), eq(outboundMessages.orgId, job.orgId), eq(outboundMessages.status, 'sending')));
  const claimed = await db
    .update(outboundMessages)
    .set({ status: 'sending', claimedAt: new Date(), attempts: sql`${outboundMessages.attempts} + 1` })
    .where(
      and(
        inArray(outboundMessages.id, job.ids),
        eq(outboundMessages.orgId, job.orgId),
        eq(outboundMessages.status, 'queued'),
        sql`(${outboundMessages.notBefore} is null or ${outboundMessages.notBefore} <= now())`,
      ),
    )
    .returning();
  if (!stranded.length && !claimed.length) return { sent: 0 };

  const checks = await loadChecks(deps, job.orgId, [...stranded, ...claimed]);
  const outcomes: Outcome[] = [];
  const port = await smsProviderFor(deps, job.orgId);

  for (const m of stranded) {
    const found = m.channel === 'sms' && m.providerId === null ? await lookUp(port, m, checks) : [];
    if (m.providerId) outcomes.push({ id: m.id, kind: 'sent', providerId: m.providerId, reconciled: true });
    else if (found.length) outcomes.push({ id: m.id, kind: 'sent', providerId: found[0].providerId, reconciled: true });
    else claimed.push(m); // never reached the provider: send it now
  }

  const ready: Row[] = [];
  for (const m of claimed) {
    const decision = decide(m, checks, opts.now?.() ?? new Date());
    if (decision) outcomes.push(decision);
    else ready.push(m);
  }

  // Send: paced senders one by one at their reserved slots, the rest a few at a time.
  const queue = [...ready];
  const runLane = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      if (Date.now() > opts.deadline) {
        outcomes.push({ id: m.id, kind: 'later', at: new Date(), reason: 'deadline', countAttempt: false });
        continue;
      }
      outcomes.push(await sendOne(deps, port, m, checks));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SENDS }, runLane));
  await record(deps, job.orgId, outcomes, claimed);
  return { sent: outcomes.filter((o) => o.kind === 'sent').length };
}

async function loadChecks(deps: Deps, orgId: string, rows: Row[]) {
  const db = deps.database.db;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const senderIds = [...new Set(rows.map((r) => r.senderId).filter((s): s is string => Boolean(s)))];
  const senders = new Map((senderIds.length ? await db.select().from(messagingSenders).where(inArray(messagingSenders.id, senderIds)) : []).map((s) => [s.id, s]));
  const personIds = [...new Set(rows.map((r) => r.personId).filter((s): s is string => Boolean(s)))];
  const places = new Map(
    (personIds.length ? await db.select({ id: people.id, state: people.state, zip: people.zip }).from(people).where(inArray(people.id, personIds)) : []).map((p) => [p.id, p]),
  );
  // Someone we have no address for: where the carrier placed their number when they last texted us.
  const placeless = [...new Set(rows.filter((r) => r.channel === 'sms' && !hasPlace(r.personId ? places.get(r.personId) : undefined)).map((r) => r.toAddress))];
  const carrierPlaces = new Map(
    (placeless.length
      ? await db
          .selectDistinctOn([inboundMessages.fromAddress], { address: inboundMessages.fromAddress, state: inboundMessages.fromState, zip: inboundMessages.fromZip })
          .from(inboundMessages)
          .where(and(eq(inboundMessages.orgId, orgId), inArray(inboundMessages.fromAddress, placeless), sql`(${inboundMessages.fromState} is not null or ${inboundMessages.fromZip} is not null)`))
          .orderBy(inboundMessages.fromAddress, desc(inboundMessages.receivedAt))
      : []
    ).map((p) => [p.address, p]),
  );
  const consent = new Map<string, Awaited<ReturnType<typeof consentFor>>>();
  for (const channel of ['sms', 'email'] as const) {
    for (const topic of new Set(rows.filter((r) => r.channel === channel).map((r) => r.topic))) {
      const addresses = [...new Set(rows.filter((r) => r.channel === channel && r.topic === topic).map((r) => r.toAddress))];
      consent.set(`${channel}|${topic}`, await consentFor(db, { orgId, channel, topic, addresses }));
    }
  }
  const bad = new Set(
    (await db
      .select({ channel: badAddresses.channel, address: badAddresses.address })
      .from(badAddresses)
      .where(and(eq(badAddresses.orgId, orgId), inArray(badAddresses.address, [...new Set(rows.map((r) => r.toAddress))])))).map((b) => `${b.channel}|${b.address}`),
  );
  return { org: org!, senders, places, carrierPlaces, consent, bad };
}
type Checks = Awaited<ReturnType<typeof loadChecks>>;
const hasPlace = (p: { state: string | null; zip: string | null } | undefined) => Boolean(p && (p.state || p.zip));

/** Why a claimed message must not go now (null: it may). Consent replies confirm a keyword and always go. */
function decide(m: Row, c: Checks, now: Date): Outcome | null {
  if (m.kind === 'consent_reply') return null;
  if (c.bad.has(`${m.channel}|${m.toAddress}`)) return { id: m.id, kind: 'final', status: 'failed', reason: 'bad_address' };
  const consent = c.consent.get(`${m.channel}|${m.topic}`)?.get(m.toAddress);
  if (consent?.status === 'opted_out') return { id: m.id, kind: 'final', status: 'canceled', reason: 'opted_out' };
  if (m.kind === 'broadcast' && consent?.status !== 'opted_in') return { id: m.id, kind: 'final', status: 'canceled', reason: 'no_consent' };
  // Quiet hours bind what we start (alerts, reminders), not answers to someone who just wrote to us,
  // nor staff alerts (kind 'staff_alert': a coordinator on call is texted about an unanswered emergency at 3 a.m. on purpose).
  if (m.channel === 'sms' && (m.kind === 'broadcast' || m.kind === 'notification') && !(m.emergency && consent?.emergency)) {
    const person = m.personId ? c.places.get(m.personId) : undefined;
    const known = hasPlace(person) ? person : c.carrierPlaces.get(m.toAddress);
    const places = hasPlace(known) ? [known!] : (c.org.statesServed.length ? c.org.statesServed : UNKNOWN_PLACE_FALLBACK).map((state) => ({ state }));
    if (!isWithinAllWindows(now, places)) return { id: m.id, kind: 'later', at: nextSendTimeForAll(now, places), reason: 'quiet_hours', countAttempt: false };
  }
  return null;
}

async function lookUp(port: SmsPort, m: Row, c: Checks) {
  const sender = m.senderId ? c.senders.get(m.senderId) : undefined;
  return port.findSent({ to: m.toAddress, from: sender?.messagingServiceSid ? undefined : (sender?.phoneE164 ?? undefined), body: m.body, since: m.claimedAt ?? m.createdAt });
}

async function sendOne(deps: Deps, port: SmsPort, m: Row, c: Checks): Promise<Outcome> {
  try {
    if (m.channel === 'email') {
      const { providerId } = await sendOutboxEmail(deps, m, { name: c.org.name });
      return { id: m.id, kind: 'sent', providerId };
    }
    const sender = m.senderId ? c.senders.get(m.senderId) : undefined;
    if (!sender) return { id: m.id, kind: 'final', status: 'failed', reason: 'no_sender' };
    if (sender.segmentsPerSecond) {
      const slot = await reserveSendSlot(deps.database.db, { senderId: sender.id, segments: m.segments, segmentsPerSecond: sender.segmentsPerSecond, horizonMs: PACING_HORIZON_MS });
      if (slot.at === null) return { id: m.id, kind: 'later', at: slot.retryAt, reason: 'pacing', countAttempt: false };
      const wait = slot.at.getTime() - Date.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
        // A STOP may have arrived while this message waited for its slot (up to a second): ask the ledger again.
        const stopped = await optedOutSince(deps, c.org.id, m);
        if (stopped) return stopped;
      }
    }
    const statusCallback = `${deps.config.publicUrl}/webhooks/twilio/status?m=${m.id}`;
    const result = await port.sendSms({
      ...(sender.messagingServiceSid ? { messagingServiceSid: sender.messagingServiceSid } : { from: sender.phoneE164! }),
      to: m.toAddress,
      body: m.body,
      statusCallback,
    });
    return { id: m.id, kind: 'sent', providerId: result.providerId };
  } catch (err) {
    return failureOutcome(m, err);
  }
}

/** The opt-out outcome when the address's latest applicable consent is now an opt-out (consent replies always go). */
async function optedOutSince(deps: Deps, orgId: string, m: Row): Promise<Outcome | null> {
  if (m.kind === 'consent_reply') return null;
  const now = (await consentFor(deps.database.db, { orgId, channel: 'sms', topic: m.topic, addresses: [m.toAddress] })).get(m.toAddress);
  return now?.status === 'opted_out' ? { id: m.id, kind: 'final', status: 'canceled', reason: 'opted_out' } : null;
}

function failureOutcome(m: Row, err: unknown): Outcome {
  // SmsProviderError and EmailSendError both say whether retrying can help; anything else is treated as transient.
  const e = err as { permanent?: boolean; code?: number | null; reason?: string };
  if (e?.permanent === true) return { id: m.id, kind: 'final', status: 'failed', reason: e.reason ?? 'rejected', errorCode: e.code ?? null };
  if (m.attempts >= MAX_ATTEMPTS) return { id: m.id, kind: 'final', status: 'failed', reason: 'gave_up', errorCode: e?.code ?? null };
  // 2, 4, 8 … seconds, at most 5 minutes: a provider outage is ridden out, not hammered.
  const delay = Math.min(300, 2 ** m.attempts) * 1000;
  return { id: m.id, kind: 'later', at: new Date(Date.now() + delay), reason: e?.reason ?? 'transient', countAttempt: true };
}

/** Write every outcome of the batch in one transaction, with the jobs for what waits. */
async function record(deps: Deps, orgId: string, outcomes: Outcome[], rows: Row[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  await deps.database.db.transaction(async (tx) => {
    const sent = outcomes.filter((o): o is Extract<Outcome, { kind: 'sent' }> => o.kind === 'sent');
    if (sent.length) {
      // A status callback may already have adopted the id and moved the message on: never move it back.
      await tx.execute(sql`
        update outbound_messages o set
          provider_id = coalesce(o.provider_id, v.pid),
          status = case when o.status in ('queued', 'sending') then 'sent' else o.status end,
          status_reason = case when v.reconciled then 'reconciled' else o.status_reason end,
          sent_at = coalesce(o.sent_at, now())
        from unnest(${sql.param(sent.map((s) => s.id))}::uuid[], ${sql.param(sent.map((s) => s.providerId))}::text[], ${sql.param(sent.map((s) => Boolean(s.reconciled)))}::boolean[]) as v(id, pid, reconciled)
        where o.id = v.id
      `);
    }
    for (const o of outcomes) {
      if (o.kind === 'final') {
        await tx
          .update(outboundMessages)
          .set({ status: o.status, statusReason: o.reason, errorCode: o.errorCode ?? null, finalAt: new Date() })
          .where(eq(outboundMessages.id, o.id));
        const m = byId.get(o.id);
        if (m) await actOnPermanentFailure(tx, orgId, m, o.errorCode ?? null, o.reason);
      }
    }
    const later = outcomes.filter((o): o is Extract<Outcome, { kind: 'later' }> => o.kind === 'later');
    for (const o of later) {
      await tx
        .update(outboundMessages)
        .set({
          status: 'queued',
          statusReason: o.reason,
          notBefore: o.at,
          ...(o.countAttempt ? {} : { attempts: sql`greatest(${outboundMessages.attempts} - 1, 0)` }),
        })
        .where(eq(outboundMessages.id, o.id));
    }
    if (later.length) {
      await enqueueSendJobs(deps, tx, orgId, later.map((o) => ({ id: o.id, priority: byId.get(o.id)?.priority ?? 'bulk', notBefore: o.at })));
    }
  });
}

/** What a permanent failure teaches us: 21610 means the person opted out at the carrier; an invalid number stays bad. */
export async function actOnPermanentFailure(tx: Parameters<typeof recordConsent>[0], orgId: string, m: Pick<Row, 'id' | 'channel' | 'toAddress' | 'personId'>, code: number | null, reason: string) {
  if (reason === 'unsubscribed' && m.channel === 'sms') {
    await recordConsent(tx, {
      orgId, address: m.toAddress, personId: m.personId, channel: 'sms', scope: 'affiliate', status: 'opted_out',
      evidenceKind: 'provider', evidence: { errorCode: code, messageId: m.id },
    });
  }
  if (reason === 'invalid_number' || reason === 'not_mobile' || reason === 'invalid_address') {
    await tx.insert(badAddresses).values({ orgId, channel: m.channel, address: m.toAddress, errorCode: code, reason }).onConflictDoNothing();
  }
}

