import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { inboundMessages, outboundMessages } from '../messaging/index.ts';
import { conversationNotes, conversations, hotlineSettings } from './hotline.table.ts';
import { purgeExpiredConversations } from './retention.ts';

/** Retention is code: closed conversations past their affiliate's period go, with the words they held. */
let t: TestApp;
const db = () => t.deps.database.db;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function conversationWithText(orgId: string, phone: string, v: Partial<typeof conversations.$inferInsert>) {
  const [c] = await db().insert(conversations).values({ orgId, contactAddress: phone, channel: 'sms', lang: 'ko', ...v }).returning();
  const [m] = await db().insert(inboundMessages).values({ orgId, providerId: `SM${crypto.randomUUID().replaceAll('-', '')}`, fromAddress: phone, toAddress: '+13125550100', body: '남편이 체포됐어요', conversationId: c.id }).returning();
  const [o] = await db().insert(outboundMessages).values({ orgId, channel: 'sms', toAddress: phone, lang: 'ko', body: '바로 연락드리겠습니다', kind: 'reply', conversationId: c.id }).returning();
  await db().insert(conversationNotes).values({ orgId, conversationId: c.id, bodyEnc: 'sealed' });
  return { c, m, o };
}

describe('hotline retention', () => {
  it('purges conversations closed longer ago than the period, empties their texts, keeps the rest, and audits it', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const old = await conversationWithText(t.orgs.a, '+17735550401', { status: 'closed', closedAt: new Date(now.getTime() - 91 * DAY) });
    const recent = await conversationWithText(t.orgs.a, '+17735550402', { status: 'closed', closedAt: new Date(now.getTime() - 89 * DAY) });
    const open = await conversationWithText(t.orgs.a, '+17735550403', { createdAt: new Date(now.getTime() - 400 * DAY) });
    // Affiliate B keeps closed conversations only 30 days.
    await db().insert(hotlineSettings).values({ orgId: t.orgs.b, retentionDays: 30 });
    const shortB = await conversationWithText(t.orgs.b, '+17035550404', { status: 'closed', closedAt: new Date(now.getTime() - 31 * DAY) });

    expect(await purgeExpiredConversations(t.deps, now)).toEqual({ purged: 2 });
    const left = (await db().select({ id: conversations.id }).from(conversations)).map((r) => r.id);
    expect(left).not.toContain(old.c.id);
    expect(left).not.toContain(shortB.c.id);
    expect(left).toEqual(expect.arrayContaining([recent.c.id, open.c.id]));
    // The message rows stay (delivery counts, consent evidence), without their words or their link.
    const [m] = await db().select().from(inboundMessages).where(eq(inboundMessages.id, old.m.id));
    expect(m).toMatchObject({ body: '', conversationId: null });
    const [o] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, old.o.id));
    expect(o).toMatchObject({ body: '', conversationId: null });
    expect(await db().select().from(conversationNotes).where(eq(conversationNotes.conversationId, old.c.id))).toHaveLength(0);
    const [kept] = await db().select().from(inboundMessages).where(eq(inboundMessages.id, recent.m.id));
    expect(kept.body).toBe('남편이 체포됐어요');
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'hotline.retention_purge'))).toHaveLength(2);
    // Nothing left to do: a second run purges nothing.
    expect(await purgeExpiredConversations(t.deps, now)).toEqual({ purged: 0 });
  });
});
