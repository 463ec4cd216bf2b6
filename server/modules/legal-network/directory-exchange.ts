import type { DirectoryImportResult } from '../../../contracts/legal-network.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { orgRepo } from '../organizations/index.ts';
import { type HsdsDocument, toHsds } from './hsds-export.ts';
import { fromHsds } from './hsds-import.ts';
import { validateHsds } from './hsds-validate.ts';
import { defaultProviderLang, normalizeEntry } from './providers.ts';
import { providersRepo, providerView, sameEntryKey } from './providers.repository.ts';

/**
 * The directory in and out as Open Referral HSDS 3.0 (shape: hsds-export.ts; reading:
 * hsds-import.ts). The export is the whole network's active entries and is checked against
 * the published schemas before it leaves; the import writes into the caller's affiliate only.
 */

/** HSDS 3.0 of every active entry of the network; a document that fails the published schemas is never sent (500, paths logged). */
export async function exportDirectory({ ctx }: { ctx: Ctx }): Promise<HsdsDocument> {
  const orgId = requireOrg(ctx);
  const { rows, networkName } = await inTx(ctx, async (tx) => {
    const rows = await providersRepo.activeAll(tx.db);
    const org = await orgRepo.findOrg(tx.db, orgId);
    const network = org?.kind === 'affiliate' && org.parentId ? await orgRepo.findOrg(tx.db, org.parentId) : org;
    // A bulk copy of the directory: who took it is worth knowing, even though nothing in it is sensitive.
    await audit(tx, { action: 'directory.export', details: { providers: rows.length } });
    return { rows, networkName: network?.name ?? 'Haven' };
  });
  // toHsds does not use the capacity figure: the export says what a provider offers, not how busy they are this month.
  const doc = toHsds(rows.map((r) => providerView(r)), { networkName, exportedAt: new Date().toISOString(), baseUrl: ctx.deps.config.publicUrl });
  const verdict = validateHsds(doc);
  if (!verdict.ok) {
    ctx.deps.log.error({ requestId: ctx.requestId, paths: verdict.errors.slice(0, 50) }, 'HSDS export failed the published schemas; not sent');
    throw new AppError('hsds_export_invalid', 500);
  }
  return doc;
}

/**
 * Read an HSDS document (any of the forms hsds-import.ts reads) into the caller's affiliate.
 * Entries the import cannot read are left out and named in `problems` (a JSON Pointer each);
 * a document with nothing readable yields no entries and only problems. Entries with the same
 * name and email (any case) as one the affiliate keeps, or as an earlier entry of the same
 * document, are skipped. A dry run (the default) writes nothing, not even an audit row; a
 * real run writes every new entry or none (one transaction) and one audit row with their ids.
 */
export async function importDirectory({ ctx, input }: { ctx: Ctx; input: { document: unknown; dryRun: boolean } }): Promise<DirectoryImportResult> {
  const orgId = requireOrg(ctx);
  const read = fromHsds(input.document);
  const entries = read.providers.map((p) => normalizeEntry(p));
  return inTx(ctx, async (tx) => {
    if (!input.dryRun) await providersRepo.lockOrgDirectory(tx.db, orgId);
    const seen = new Set((await providersRepo.entryKeys(tx.db, orgId)).keys());
    const marked = entries.map((p) => {
      const key = sameEntryKey(p.name, p.email);
      const duplicate = seen.has(key);
      seen.add(key);
      return { ...p, duplicate };
    });
    const fresh = marked.filter((p) => !p.duplicate);
    const result = { dryRun: input.dryRun, providers: marked, created: fresh.length, skipped: marked.length - fresh.length, problems: read.problems };
    if (input.dryRun) return result;
    const created = await providersRepo.insert(
      tx.db,
      fresh.map(({ duplicate: _, ...p }) => ({ ...p, orgId, lang: defaultProviderLang(p.languages) })),
    );
    // Nothing new, nothing written: a run that only skipped or found problems leaves no trace, like a dry run.
    if (!created.length) return result;
    await audit(tx, {
      action: 'directory.import',
      details: { created: created.length, skipped: result.skipped, problems: read.problems.length, providerIds: created.map((r) => r.id) },
    });
    return result;
  });
}
