import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { ImportPreview } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { people } from '../people/index.ts';
import { alertImports } from './alerts.table.ts';
import { decodeCsv, type ImportRow, readSubscriberCsv } from './import-csv.ts';

const SAMPLE_ROWS = 20;

/**
 * Step one of a subscriber import: read the CSV, report every bad row by line (field and a
 * message in the reader's language), count duplicates inside the file (same phone or
 * email as an earlier row: the first wins) and rows matching people the org already has
 * (they will be updated, not duplicated), and keep the valid rows sealed with the org's key
 * in alert_imports until someone confirms. Nothing reaches people or the consent ledger here.
 */
export async function previewImport({ ctx, input }: { ctx: Ctx; input: { bytes: Buffer; attestation: string } }): Promise<ImportPreview> {
  const orgId = requireOrg(ctx);
  const { text, encoding } = decodeCsv(input.bytes);
  const { rows, errors, total } = readSubscriberCsv(text);

  const seen = new Set<string>();
  const unique: ImportRow[] = [];
  let duplicatesInFile = 0;
  for (const r of rows) {
    const keys = [r.phone && `p:${r.phone}`, r.email && `e:${r.email}`].filter((k): k is string => !!k);
    if (keys.some((k) => seen.has(k))) {
      duplicatesInFile++;
      continue;
    }
    keys.forEach((k) => seen.add(k));
    unique.push(r);
  }

  return inTx(ctx, async (tx) => {
    const db = tx.db;
    const phones = unique.map((r) => r.phone).filter((p): p is string => !!p);
    const emails = unique.map((r) => r.email).filter((e): e is string => !!e);
    const known = new Set<string>();
    for (let i = 0; i < Math.max(phones.length, emails.length); i += 1000) {
      const ph = phones.slice(i, i + 1000);
      const em = emails.slice(i, i + 1000);
      const found = await db
        .select({ phone: people.phoneE164, email: people.email })
        .from(people)
        .where(and(eq(people.orgId, orgId), isNull(people.mergedIntoId), or(ph.length ? inArray(people.phoneE164, ph) : undefined, em.length ? inArray(people.email, em) : undefined)));
      for (const f of found) {
        if (f.phone) known.add(`p:${f.phone}`);
        if (f.email) known.add(`e:${f.email}`);
      }
    }
    const alreadyKnown = unique.filter((r) => (r.phone && known.has(`p:${r.phone}`)) || (r.email && known.has(`e:${r.email}`))).length;
    const [row] = await db
      .insert(alertImports)
      .values({
        orgId, createdBy: ctx.actor?.userId ?? null, attestation: input.attestation, encoding,
        rowsEnc: await ctx.deps.keyring.encrypt(db, orgId, JSON.stringify(unique)), rowCount: unique.length,
      })
      .returning({ id: alertImports.id });
    await audit(tx, {
      action: 'alerts.import_previewed', entityType: 'alert_import', entityId: row.id,
      details: { encoding, rows: total, valid: unique.length, errors: errors.length, duplicatesInFile, alreadyKnown },
    });
    return {
      importId: row.id, encoding, rows: total, valid: unique.length, duplicatesInFile, alreadyKnown,
      errors: errors.slice(0, 1000).map((e) => ({ line: e.line, field: e.field, code: e.code, message: t(ctx.lang, `errors.${e.code}`, e.params ?? {}) })),
      sample: unique.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, name: r.name, phone: r.phone, email: r.email, lang: r.lang, zip: r.zip })),
    };
  });
}
