import { and, eq, sql } from 'drizzle-orm';
import type { PreferencesDetails } from '../../../contracts/alert-subscribers.ts';
import type { AlertTopic, PreferencesInput } from '../../../contracts/alerts.ts';
import type { z } from 'zod';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { consentFor, recordConsent } from '../messaging/index.ts';
import { organizations } from '../organizations/index.ts';
import { people } from '../people/index.ts';
import { alertSubscribers } from './alerts.table.ts';
import { type PreferencesPayload, verifyPreferencesToken } from './preferences-link.ts';
import { stateForZip } from './subscriber-places.ts';
import { maskEmail, maskPhone, upsertSubscriber } from './subscribe-person.ts';

function readToken(ctx: Ctx, token: string): PreferencesPayload {
  const p = verifyPreferencesToken(ctx.deps.linkSigningKey, token);
  if (!p) throw new AppError('preferences_link_invalid', 404);
  return p;
}

async function load(ctx: Ctx, db: Ctx['db'], p: PreferencesPayload): Promise<PreferencesDetails> {
  const [row] = await db
    .select({ lang: people.preferredLanguage, zip: people.zip, topics: alertSubscribers.topics, orgName: organizations.name })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .leftJoin(alertSubscribers, eq(alertSubscribers.personId, people.id))
    .where(and(eq(people.orgId, p.orgId), eq(people.id, p.personId)));
  // A person since deleted (retention, a merge undone): the link leads nowhere, as a forged one would.
  if (!row) throw new AppError('preferences_link_invalid', 404);
  const consent = (await consentFor(db, { orgId: p.orgId, channel: p.channel, topic: 'all', addresses: [p.address] })).get(p.address);
  return {
    orgName: row.orgName, channel: p.channel, address: (p.channel === 'sms' ? maskPhone(p.address) : maskEmail(p.address)) ?? '',
    lang: row.lang, topics: (row.topics ?? []) as AlertTopic[], zip: row.zip, subscribed: consent?.status === 'opted_in',
  };
}

/** GET: what the preferences page shows. Changes nothing. */
export async function getPreferences({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<PreferencesDetails> {
  const p = readToken(ctx, input.token);
  return inTx(ctx, (tx) => load(ctx, tx.db, p), { orgId: p.orgId });
}

/**
 * POST: save language, topics and ZIP, or unsubscribe. Unsubscribing records an opt-out of
 * this org on the link's channel (scope affiliate, topic all) with `unsubscribe_link`
 * evidence, and cancels what is queued for the address at once (recordConsent); the
 * preferences stay as they were, so subscribing again by YES or a new sign-up restores
 * them. Saving never records an opt-in: that takes the person's own YES or link.
 */
export async function savePreferences({ ctx, input }: { ctx: Ctx; input: { token: string } & z.output<typeof PreferencesInput> }): Promise<PreferencesDetails> {
  const p = readToken(ctx, input.token);
  const state = input.zip ? stateForZip(input.zip) : undefined;
  if (input.zip && !state) throw invalid('invalid_zip', 'zip', { value: input.zip });
  return inTx(
    ctx,
    async (tx) => {
      const db = tx.db;
      await load(ctx, db, p); // 404 for a person who no longer exists, before writing anything
      if (input.unsubscribe) {
        const current = (await consentFor(db, { orgId: p.orgId, channel: p.channel, topic: 'all', addresses: [p.address] })).get(p.address);
        if (current?.status !== 'opted_out') {
          const { canceled } = await recordConsent(db, {
            orgId: p.orgId, address: p.address, personId: p.personId, channel: p.channel, scope: 'affiliate', topic: 'all',
            status: 'opted_out', evidenceKind: 'unsubscribe_link', evidence: { method: 'preferences_page' },
          });
          await audit(tx, { action: 'alerts.preferences_unsubscribed', orgId: p.orgId, entityType: 'person', entityId: p.personId, details: { channel: p.channel, canceled } });
        }
      } else {
        await db
          .update(people)
          .set({ preferredLanguage: input.lang, ...(input.zip ? { zip: input.zip, state } : {}), updatedAt: new Date(), version: sql`${people.version} + 1` })
          .where(and(eq(people.orgId, p.orgId), eq(people.id, p.personId)));
        await upsertSubscriber(db, { orgId: p.orgId, personId: p.personId, topics: input.topics, source: 'signup', replaceTopics: true });
        await audit(tx, {
          action: 'alerts.preferences_saved', orgId: p.orgId, entityType: 'person', entityId: p.personId,
          details: { channel: p.channel, lang: input.lang, topics: input.topics, zipChanged: Boolean(input.zip) },
        });
      }
      return load(ctx, db, p);
    },
    { orgId: p.orgId },
  );
}
