import { messagingSenders } from '../modules/messaging/index.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../platform/context.ts';
import { systemCtx } from '../deps.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { createOrganization, orgRepo } from '../modules/organizations/index.ts';
import { createPerson } from '../modules/people/index.ts';
import { seedDemoHotline } from './demo-hotline.ts';
import { seedDemoProviders } from './demo-providers.ts';
import { seedDemoSubscribers } from './demo-subscribers.ts';
import { AFFILIATE_ROLES, AREA_CODES, DEMO_AFFILIATES, DEMO_NETWORK, DEMO_PEOPLE, DEMO_STAFF_NAMES, demoEmail, ZIPS } from './demo-data.ts';

export const DEMO_MARKER_SLUG = DEMO_NETWORK.slug;

/**
 * Seed the demo network once (skipped when the national org exists). Returns the demo
 * password, generated unless HAVEN_DEMO_PASSWORD is set.
 */
export async function seedDemo(deps: Deps): Promise<{ seeded: boolean; password: string | null }> {
  if (await orgRepo.findOrgBySlug(deps.database.db, DEMO_NETWORK.slug)) return { seeded: false, password: null };
  const password = deps.config.HAVEN_DEMO_PASSWORD ?? crypto.randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  const ctx = systemCtx(deps);

  const national = await createOrganization({
    ctx,
    input: { slug: DEMO_NETWORK.slug, name: DEMO_NETWORK.name, kind: 'network', timeZone: DEMO_NETWORK.timeZone, mfaRequiredForSensitive: false },
  });
  const addUser = async (email: string, displayName: string, language: 'ko' | 'en' | 'es') =>
    (await orgRepo.findUserByEmail(deps.database.db, email)) ??
    (await orgRepo.insertUser(deps.database.db, { email, displayName, language, passwordHash }));

  const admin = await addUser('network.admin@demo.haven.local', 'Helen Moon (문헬렌)', 'en');
  await orgRepo.upsertMembership(deps.database.db, admin.id, national.id, 'network_admin');

  await deps.database.db.insert(messagingSenders).values({ orgId: national.id, label: 'National alerts', phoneE164: '+12025550100', isDefault: true, segmentsPerSecond: 10 });

  const multi = await addUser('multi@demo.haven.local', 'Chris Seo (서크리스)', 'ko');
  const orgIds: Record<string, string> = { [DEMO_NETWORK.slug]: national.id };
  for (const a of DEMO_AFFILIATES) {
    const org = await createOrganization({
      ctx,
      input: { slug: a.slug, name: a.name, kind: 'affiliate', parentId: national.id, statesServed: a.states, timeZone: a.timeZone, mfaRequiredForSensitive: Boolean(a.mfa) },
    });
    orgIds[a.slug] = org.id;
    for (const role of AFFILIATE_ROLES) {
      const language = role === 'responder' || role === 'organizer' ? 'es' : role === 'volunteer' || role === 'coordinator' ? 'ko' : 'en';
      const user = await addUser(demoEmail(role, a.slug), DEMO_STAFF_NAMES[role], language);
      await orgRepo.upsertMembership(deps.database.db, user.id, org.id, role);
    }
    if (a.slug === 'il') await orgRepo.upsertMembership(deps.database.db, multi.id, org.id, 'coordinator');
    if (a.slug === 'nynj') await orgRepo.upsertMembership(deps.database.db, multi.id, org.id, 'responder');

    const state = a.states[0];
    // A hotline number per affiliate (555-01xx numbers are reserved for fiction), paced like a low-trust 10DLC number.
    await deps.database.db.insert(messagingSenders).values({ orgId: org.id, label: 'Hotline', phoneE164: `+1${AREA_CODES[state]}5550100`, isDefault: true, segmentsPerSecond: 10 });
    // Responders, round-the-clock shifts in ko/en/es, canned responses (demo-hotline.ts).
    await seedDemoHotline(deps, { orgId: org.id, slug: a.slug, state, timeZone: a.timeZone, addUser });
    const orgCtx = systemCtx(deps, org.id);
    for (const p of DEMO_PEOPLE) {
      await createPerson({
        ctx: orgCtx,
        input: {
          ...p,
          phone: p.phone ? `(${AREA_CODES[state]}) ${p.phone}` : null,
          state,
          zip: ZIPS[state],
        },
      });
    }
  }
  // The network directory (demo-providers.ts), and the Virginia attorney's portal sign-in.
  await seedDemoProviders(deps, orgIds, addUser);
  // The policy alerts' demo audience: 40 opted-in subscribers per affiliate (demo-subscribers.ts).
  await seedDemoSubscribers(deps, orgIds);
  if (deps.config.embedded && !deps.config.HAVEN_DEMO_PASSWORD) {
    // The embedded demo keeps its generated password beside its data, readable only by its owner.
    fs.writeFileSync(path.join(deps.config.dataDir, 'demo-password.txt'), `${password}\n`, { mode: 0o600 });
  }
  return { seeded: true, password };
}
