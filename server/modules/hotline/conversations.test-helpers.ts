import { and, desc, eq } from 'drizzle-orm';
import { emailOf, type TestApp } from '../../../test/harness.ts';
import { messagingSenders } from '../messaging/index.ts';
import { orgRepo } from '../organizations/index.ts';
import { conversations, hotlineResponders, hotlineShiftOverrides } from './hotline.table.ts';

/** Shared by the hotline integration tests: numbers, on-call fixtures, waiting. */
export const NUMBER_A = '+13125550150';
export const NUMBER_B = '+17035550150';

export const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export async function addSenders(t: TestApp) {
  const db = t.deps.database.db;
  await db.insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Hotline', phoneE164: NUMBER_A, isDefault: true });
  await db.insert(messagingSenders).values({ orgId: t.orgs.b, label: 'Hotline B', phoneE164: NUMBER_B, isDefault: true });
}

export async function userId(t: TestApp, role: string, org: 'a' | 'b' = 'a') {
  const u = await orgRepo.findUserByEmail(t.deps.database.db, emailOf(role, org));
  return u!.id;
}

/** A responder profile and an `on` override covering now (an hour either side). */
export async function putOnCall(
  t: TestApp,
  org: 'a' | 'b',
  role: string,
  opts: { languages: ('ko' | 'en' | 'es')[]; shiftRole?: 'primary' | 'backup' | 'coordinator'; maxOpen?: number; phone?: string | null },
) {
  const db = t.deps.database.db;
  const orgId = t.orgs[org];
  const id = await userId(t, role, org);
  await db
    .insert(hotlineResponders)
    .values({ orgId, userId: id, languages: opts.languages, maxOpen: opts.maxOpen ?? 8, phoneE164: opts.phone ?? null })
    .onConflictDoUpdate({ target: [hotlineResponders.orgId, hotlineResponders.userId], set: { languages: opts.languages, maxOpen: opts.maxOpen ?? 8, phoneE164: opts.phone ?? null, active: true } });
  const now = Date.now();
  await db.insert(hotlineShiftOverrides).values({
    orgId, userId: id, kind: 'on', role: opts.shiftRole ?? 'primary', startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000),
  });
  return id;
}

/** Nobody on call in the org, and no open conversation (each test starts from a quiet hotline). */
export async function resetHotline(t: TestApp, org: 'a' | 'b' = 'a') {
  const db = t.deps.database.db;
  const orgId = t.orgs[org];
  await db.delete(hotlineShiftOverrides).where(eq(hotlineShiftOverrides.orgId, orgId));
  await db.update(conversations).set({ status: 'closed', closedAt: new Date(), disposition: 'other' }).where(and(eq(conversations.orgId, orgId), eq(conversations.status, 'open')));
}

/** The open conversation of a phone, once the intake worker has made it. */
export const openConversation = (t: TestApp, phone: string, org: 'a' | 'b' = 'a') =>
  waitFor(async () => {
    const [c] = await t.deps.database.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.orgId, t.orgs[org]), eq(conversations.contactAddress, phone), eq(conversations.status, 'open')))
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    return c;
  }, `conversation of ${phone}`);

export const text = (t: TestApp, from: string, body: string, to = NUMBER_A) =>
  t.deps.simulator.receiveSms({ from, to, body, url: `${t.deps.config.publicUrl}/webhooks/twilio/sms` });
