import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { ImportConfirmResult } from '../../../contracts/alert-subscribers.ts';
import { queryRows } from '../../db/rows.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { consentEvents, nameKeyColumns, people } from '../people/index.ts';
import { alertImports } from './alerts.table.ts';
import type { ImportRow } from './import-csv.ts';
import { stateForZip } from './subscriber-places.ts';
import { insertSubscriberPerson, upsertSubscriber } from './subscribe-person.ts';

/** The import, locked for this transaction; another org's or a missing one is a 404. */
async function lockImport(ctx: Ctx, orgId: string, id: string) {
  const [row] = await ctx.db.select().from(alertImports).where(and(eq(alertImports.orgId, orgId), eq(alertImports.id, id))).for('update');
  if (!row) throw notFound('import');
  if (row.status === 'confirmed') throw new AppError('import_already_confirmed', 409);
  if (row.status === 'discarded') throw new AppError('import_discarded', 409);
  return row;
}

/**
 * Step two: the previewed rows become people (found by phone, else email, in this org;
 * created when new, their empty fields filled and language/ZIP updated when known), alert
 * subscribers (topics replaced, tags added) and opt-ins with `import` evidence carrying the
 * attestation — all in one transaction, so a failure leaves nothing half-imported. The
 * import row is locked and marked confirmed in the same transaction: a second confirm (a
 * double click, another tab) is a 409 and writes nothing twice.
 *
 * An address whose latest consent here is an opt-out (a STOP, an unsubscribe) is not opted
 * back in: a paper form older than the STOP does not outweigh it. Its person is still
 * updated; it is not counted in consentRecorded.
 */
export async function confirmImport({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ImportConfirmResult> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const db = tx.db;
    const imp = await lockImport(tx, orgId, input.id);
    const rows = JSON.parse(await ctx.deps.keyring.decrypt(db, orgId, imp.rowsEnc)) as ImportRow[];
    // An address whose latest word on any topic is an opt-out (a STOP, or one alert topic unsubscribed by email) is not
    // opted back in by an import: a newer 'all' opt-in would outrank that topic's opt-out.
    const optedOut = new Set<string>();
    for (const channel of ['sms', 'email'] as const) {
      const addresses = rows.map((r) => (channel === 'sms' ? r.phone : r.email)).filter((a): a is string => !!a);
      for (let i = 0; i < addresses.length; i += 1000) {
        const latest = await queryRows<{ address: string; status: string }>(db, sql`
          select distinct on (address, topic) address, status from consent_events
          where address = any(${sql.param(addresses.slice(i, i + 1000))}::text[]) and channel = ${channel} and (scope = 'network' or org_id = ${orgId})
          order by address, topic, created_at desc, seq desc`);
        for (const l of latest) if (l.status === 'opted_out') optedOut.add(`${channel}|${l.address}`);
      }
    }

    let created = 0;
    let updated = 0;
    const consent: (typeof consentEvents.$inferInsert)[] = [];
    const at = new Date();
    for (const r of rows) {
      const state = stateForZip(r.zip);
      const [existing] = await db
        .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, nameKo: people.nameKo, otherNames: people.otherNames, phone: people.phoneE164, email: people.email })
        .from(people)
        .where(and(eq(people.orgId, orgId), isNull(people.mergedIntoId), or(r.phone ? eq(people.phoneE164, r.phone) : undefined, r.email ? eq(people.email, r.email) : undefined)))
        .orderBy(r.phone ? sql`${people.phoneE164} = ${r.phone} desc` : people.createdAt, people.createdAt)
        .limit(1);
      let personId: string;
      if (existing) {
        personId = existing.id;
        await db
          .update(people)
          .set({
            preferredLanguage: r.lang,
            ...(r.zip ? { zip: r.zip, state } : {}),
            ...(!existing.phone && r.phone ? { phoneE164: r.phone } : {}),
            ...(!existing.email && r.email ? { email: r.email } : {}),
            // A name for someone known only by number: both name key columns follow it (search, and the conflict check).
            ...(!existing.givenName && r.name ? { givenName: r.name, ...nameKeyColumns({ givenName: r.name, familyName: existing.familyName, nameKo: existing.nameKo, otherNames: existing.otherNames }) } : {}),
            updatedAt: at,
            version: sql`${people.version} + 1`,
          })
          .where(eq(people.id, existing.id));
        updated++;
      } else {
        personId = await insertSubscriberPerson(db, { orgId, name: r.name, phone: r.phone, email: r.email, lang: r.lang, zip: r.zip, state, createdBy: ctx.actor?.userId ?? null });
        created++;
      }
      await upsertSubscriber(db, { orgId, personId, topics: r.topics, tags: r.tags, county: r.county ?? null, source: 'import', replaceTopics: true });
      for (const [channel, address] of [['sms', r.phone], ['email', r.email]] as const) {
        if (!address || optedOut.has(`${channel}|${address}`)) continue;
        consent.push({
          orgId, address, personId, channel, scope: 'affiliate', topic: 'all', status: 'opted_in', evidenceKind: 'import',
          evidence: { importId: imp.id, attestation: imp.attestation, line: r.line }, recordedBy: ctx.actor?.userId ?? null, createdAt: at,
        });
      }
    }
    for (let i = 0; i < consent.length; i += 1000) await db.insert(consentEvents).values(consent.slice(i, i + 1000));
    // The sealed contacts have done their work: they are in people now (and the file need not be kept).
    await db.update(alertImports).set({ status: 'confirmed', confirmedAt: at, rowsEnc: '' }).where(eq(alertImports.id, imp.id));
    const result = { created, updated, consentRecorded: consent.length };
    await audit(tx, { action: 'alerts.import_confirmed', entityType: 'alert_import', entityId: imp.id, details: { ...result, skippedOptedOut: optedOut.size } });
    return result;
  });
}

/** Throw the preview away: the sealed rows are emptied, so the file's contents do not outlive the decision. */
export async function discardImport({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const imp = await lockImport(tx, orgId, input.id);
    await tx.db.update(alertImports).set({ status: 'discarded', rowsEnc: '', rowCount: 0 }).where(eq(alertImports.id, imp.id));
    await audit(tx, { action: 'alerts.import_discarded', entityType: 'alert_import', entityId: imp.id });
    return { ok: true as const };
  });
}
