import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { cannedResponses, hotlineResponders } from '../modules/hotline/hotline.table.ts';
import { onCallResponders } from '../modules/hotline/on-call.ts';
import { orgRepo } from '../modules/organizations/index.ts';
import { DEMO_AFFILIATES } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false, env: { HAVEN_DEMO_PASSWORD: 'demo password 123' } });
  await seedDemo(t.deps);
}, 180_000);
afterAll(() => t?.close());

describe('demo hotline', () => {
  it('answers Korean, English and Spanish around the clock in every affiliate, with a coordinator always on', async () => {
    const db = t.deps.database.db;
    // Every hour of two days, one of them the spring-forward day in the US.
    const hours = Array.from({ length: 48 }, (_, h) => new Date(Date.parse('2026-03-07T12:30:00Z') + h * 3_600_000));
    for (const a of DEMO_AFFILIATES) {
      const org = (await orgRepo.findOrgBySlug(db, a.slug))!;
      for (const at of hours) {
        const list = await onCallResponders(db, org.id, at);
        const answering = list.filter((r) => r.role !== 'coordinator');
        for (const lang of ['ko', 'en', 'es'] as const) {
          expect(answering.some((r) => r.languages.includes(lang) && r.phoneE164), `${a.slug} ${lang} at ${at.toISOString()}`).toBe(true);
        }
        expect(list.some((r) => r.roles.includes('coordinator')), `${a.slug} coordinator at ${at.toISOString()}`).toBe(true);
      }
    }
  });

  it('gives each affiliate responders with distinct simulator phones and four canned responses in all three languages', async () => {
    const db = t.deps.database.db;
    const phones = (await db.select({ phone: hotlineResponders.phoneE164 }).from(hotlineResponders)).map((r) => r.phone!);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.every((p) => /^\+1\d{3}555017\d$/.test(p))).toBe(true);
    const org = (await orgRepo.findOrgBySlug(db, 'il'))!;
    const canned = await db.select().from(cannedResponses).where(eq(cannedResponses.orgId, org.id));
    expect(canned).toHaveLength(4);
    for (const c of canned) for (const lang of ['ko', 'en', 'es'] as const) expect(c.bodies[lang].length, `${c.title} ${lang}`).toBeGreaterThan(20);
  });
});
