import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { providers } from '../modules/legal-network/legal-network.table.ts';
import { validateHsds } from '../modules/legal-network/hsds-validate.ts';
import { orgRepo } from '../modules/organizations/index.ts';
import { DEMO_PORTAL_ATTORNEY, DEMO_PROVIDERS } from './demo-providers.ts';
import { seedDemo } from './seed-demo.ts';

const PASSWORD = 'demo password 123';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false, env: { HAVEN_DEMO_PASSWORD: PASSWORD } });
  await seedDemo(t.deps);
}, 180_000);
afterAll(() => t?.close());

describe('demo directory', () => {
  it('spreads the providers over the affiliates, and the export of them passes HSDS 3.0', async () => {
    const coordinator = await t.signIn('coordinator.tx@demo.haven.local', PASSWORD);
    const all = (await coordinator.get('/api/v1/directory/providers?limit=500')).json();
    expect(all.total).toBe(DEMO_PROVIDERS.length);
    expect(new Set(all.items.map((p: { orgId: string }) => p.orgId)).size).toBeGreaterThanOrEqual(6);
    const korean = (await coordinator.get('/api/v1/directory/providers?language=ko&state=VA&practiceArea=detention')).json().items;
    expect(korean.map((p: { name: string }) => p.name)).toEqual([DEMO_PORTAL_ATTORNEY.name]);
    const lsc = all.items.filter((p: { fundingRestrictions: string[] }) => p.fundingRestrictions.includes('lsc'));
    expect(lsc).toEqual([expect.objectContaining({ states: ['NY'], practiceAreas: ['public_benefits', 'family_petition'] })]);
    const doc = (await coordinator.get('/api/v1/directory/export')).json();
    expect(validateHsds(doc).errors).toEqual([]);
    expect(doc.total_items).toBe(DEMO_PROVIDERS.length);
  });

  it("gives the Virginia attorney a portal sign-in with no membership, linked to her entry", async () => {
    const db = t.deps.database.db;
    const user = (await orgRepo.findUserByEmail(db, DEMO_PORTAL_ATTORNEY.email))!;
    expect(await orgRepo.membershipsOfUser(db, user.id)).toEqual([]);
    const [entry] = await db.select().from(providers).where(eq(providers.userId, user.id));
    expect(entry).toMatchObject({ name: DEMO_PORTAL_ATTORNEY.name, states: ['VA', 'DC', 'MD'], contactPreference: 'portal', lang: 'ko' });
    const session = (await t.signIn(DEMO_PORTAL_ATTORNEY.email, PASSWORD)).session;
    expect(session.memberships ?? []).toEqual([]);
  });
});
