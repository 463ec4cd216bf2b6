import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { conversationEvents, conversations } from './hotline.table.ts';
import { putOnCall, userId } from './conversations.test-helpers.ts';
import { rerouteWaiting } from './reroute.ts';

/** A text that came in after hours reaches the first responder on call, without the member writing again. */
let t: TestApp;
const db = () => t.deps.database.db;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('waiting conversations', () => {
  it('stay unassigned while nobody is on call, then go to the Korean speaker who comes on, emergencies first', async () => {
    const mk = async (phone: string, v: Partial<typeof conversations.$inferInsert>) =>
      (await db().insert(conversations).values({ orgId: t.orgs.a, contactAddress: phone, channel: 'sms', lang: 'ko', ...v }).returning())[0];
    const routine = await mk('+17735550501', { firstInboundAt: new Date(Date.now() - 3_600_000) });
    const emergency = await mk('+17735550502', { urgency: 'emergency', firstInboundAt: new Date(Date.now() - 60_000) });
    const spanish = await mk('+17735550503', { lang: 'es' });

    expect(await rerouteWaiting(t.deps)).toEqual({ assigned: 0 });

    const jiwoo = await putOnCall(t, 'a', 'volunteer', { languages: ['ko'], maxOpen: 1 });
    expect(await rerouteWaiting(t.deps)).toEqual({ assigned: 1 });
    const get = async (id: string) => (await db().select().from(conversations).where(eq(conversations.id, id)))[0];
    // Capacity 1: the emergency got the only place; the routine one waits; nobody speaks Spanish.
    expect((await get(emergency.id)).assignedTo).toBe(jiwoo);
    expect((await get(routine.id)).assignedTo).toBeNull();
    expect((await get(spanish.id)).assignedTo).toBeNull();
    expect((await db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, emergency.id))).map((e) => e.kind)).toContain('assigned');
    expect(jiwoo).toBe(await userId(t, 'volunteer'));
  });
});
