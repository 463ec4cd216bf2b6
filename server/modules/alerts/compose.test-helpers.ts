import { systemCtx } from '../../deps.ts';
import type { TestApp } from '../../../test/harness.ts';
import { recordConsent } from '../messaging/index.ts';
import { createPerson } from '../people/index.ts';

/**
 * A member who signed up for alerts: on record in the org, with an opt-in per channel in the
 * consent ledger (a broadcast needs one). Phones must be unique within a test file.
 */
export async function addSubscriber(
  t: TestApp,
  org: 'a' | 'b' | 'net',
  p: { phone?: string; email?: string; lang: 'ko' | 'en' | 'es'; state?: string; zip?: string; name?: string },
) {
  const orgId = t.orgs[org];
  const person = await createPerson({
    ctx: systemCtx(t.deps, orgId),
    input: { givenName: p.name ?? 'Subscriber', preferredLanguage: p.lang, phone: p.phone ?? null, email: p.email ?? null, state: p.state ?? null, zip: p.zip ?? null },
  });
  const db = t.deps.database.db;
  if (person.phone) await recordConsent(db, { orgId, address: person.phone, personId: person.id, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'form', evidence: { form: 'test' } });
  if (p.email) await recordConsent(db, { orgId, address: p.email.toLowerCase(), personId: person.id, channel: 'email', scope: 'affiliate', status: 'opted_in', evidenceKind: 'form', evidence: { form: 'test' } });
  return person;
}
