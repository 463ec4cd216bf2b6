import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { nameKeyColumns, people } from '../people/index.ts';
import { alertSubscribers } from './alerts.table.ts';

type Lang = 'ko' | 'en' | 'es';

/** The person in `orgId` with this phone, else this email (the oldest, never a merged duplicate). */
export async function findPersonByContact(db: DbOrTx, orgId: string, c: { phone?: string | null; email?: string | null }) {
  if (!c.phone && !c.email) return null;
  const [row] = await db
    .select({ id: people.id, givenName: people.givenName, phone: people.phoneE164, email: people.email, lang: people.preferredLanguage })
    .from(people)
    .where(and(eq(people.orgId, orgId), isNull(people.mergedIntoId), or(c.phone ? eq(people.phoneE164, c.phone) : undefined, c.email ? eq(people.email, c.email) : undefined)))
    // by phone first: carriers and STOP work per number
    .orderBy(c.phone ? sql`${people.phoneE164} = ${c.phone} desc` : asc(people.createdAt), asc(people.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * A person for a sign-up or an import row. A sign-up often has no name: the person is
 * stored with an empty given name (the column allows it; people's own form still requires
 * one) and staff pages show the masked phone or email instead. Search keys and the legal
 * network's conflict keys are built from whatever name there is, as the people form does.
 */
export async function insertSubscriberPerson(
  db: DbOrTx,
  p: { orgId: string; name?: string | null; phone?: string | null; email?: string | null; lang: Lang; zip?: string | null; state?: string | null; createdBy?: string | null },
) {
  const { givenName, nameKo } = splitName(p.name ?? '');
  const [row] = await db
    .insert(people)
    .values({
      orgId: p.orgId, givenName, nameKo, familyName: '', phoneE164: p.phone ?? null, email: p.email ?? null, preferredLanguage: p.lang,
      zip: p.zip ?? null, state: p.state ?? null, createdBy: p.createdBy ?? null, ...nameKeyColumns({ givenName, familyName: '', nameKo, otherNames: null }),
    })
    .returning({ id: people.id });
  return row.id;
}

/** A name as one field (CSV "name"): kept whole as the given name; Hangul also goes to name_ko so 김민준 is found as Kim. */
function splitName(name: string): { givenName: string; nameKo: string | null } {
  const n = name.trim().replace(/\s+/g, ' ').slice(0, 200);
  return { givenName: n, nameKo: /[\uAC00-\uD7A3]/.test(n) ? n : null };
}

/**
 * Add or refresh a person's alert preferences. Topics given by the person themselves
 * replace theirs (`replaceTopics`); topics from a sign-up are added to what they had, so
 * that a stranger typing someone's number can widen but never narrow what they receive
 * (and nothing is sent anyway without that number's opt-in). Tags are always added.
 */
export async function upsertSubscriber(
  db: DbOrTx,
  s: { orgId: string; personId: string; topics: string[]; tags?: string[]; county?: string | null; source: 'signup' | 'import' | 'staff' | 'keyword'; replaceTopics?: boolean },
) {
  // Sorted, so a set of topics has one spelling (the merge below sorts too).
  const topicList = [...new Set(s.topics)].sort();
  const tagList = [...new Set(s.tags ?? [])].sort();
  const topics = sql.param(topicList);
  const tags = sql.param(tagList);
  await db
    .insert(alertSubscribers)
    .values({ orgId: s.orgId, personId: s.personId, topics: topicList, tags: tagList, county: s.county ?? null, source: s.source })
    .onConflictDoUpdate({
      target: alertSubscribers.personId,
      set: {
        topics: s.replaceTopics
          ? sql`${topics}::text[]`
          : sql`array(select distinct unnest(${alertSubscribers.topics} || ${topics}::text[]) order by 1)`,
        tags: sql`array(select distinct unnest(${alertSubscribers.tags} || ${tags}::text[]) order by 1)`,
        // A county given now replaces the old one; none given keeps it.
        county: sql`coalesce(${s.county ?? null}::text, ${alertSubscribers.county})`,
        updatedAt: new Date(),
      },
    });
}

/** "+13125550142" → "•••-•••-0142"; "kim@example.org" → "k•••@example.org": enough to recognise, not to use. */
export const maskPhone = (p: string | null) => (p ? `•••-•••-${p.slice(-4)}` : null);
export const maskEmail = (e: string | null) => {
  if (!e) return null;
  const [user, domain] = e.split('@');
  return `${user.slice(0, 1)}•••@${domain ?? ''}`;
};
