import { and, asc, eq } from 'drizzle-orm';
import type { CaseDocument, CaseDocumentList } from '../../../contracts/case-documents.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { cleanDocumentName, detectDocumentType, withExtension } from './case-documents-type.ts';
import { casesRepo } from './cases.repository.ts';
import { caseDocuments } from './cases.table.ts';

/**
 * Documents of a case (a scanned EAD card, a receipt notice): name and bytes sealed with the
 * affiliate's data key like notes (docs/SECURITY.md), the type detected from the bytes. The
 * keyring seals text, so the bytes go in as base64. The audit rows and the timeline carry
 * ids, the type and the size — never the name, which can say as much as the file.
 */
export async function addCaseDocument({ ctx, input }: { ctx: Ctx; input: { id: string; name: string; contentType?: string | null; bytes: Buffer | undefined } }): Promise<CaseDocument> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    // A redacted case keeps nothing personal; a file added now would outlive its retention.
    if (c.redactedAt) throw conflict('case_redacted');
    const name = cleanDocumentName(input.name);
    const bytes = input.bytes ?? Buffer.alloc(0);
    if (!bytes.length) throw invalid('document_empty', 'file');
    const { mediaType, ext } = await detectDocumentType(bytes, { name, contentType: input.contentType });
    const fileName = withExtension(name, ext);
    const keyring = ctx.deps.keyring;
    const me = ctx.actor?.userId ?? null;
    const [doc] = await tx.db
      .insert(caseDocuments)
      .values({ orgId, caseId: c.id, fileNameEnc: await keyring.encrypt(tx.db, orgId, fileName), mediaType, sizeBytes: bytes.length, contentEnc: await keyring.encrypt(tx.db, orgId, bytes.toString('base64')), uploadedBy: me })
      .returning({ id: caseDocuments.id, createdAt: caseDocuments.createdAt });
    const facts = { documentId: doc.id, mediaType, sizeBytes: bytes.length };
    await casesRepo.event(tx.db, orgId, c.id, 'document_added', me, facts);
    await audit(tx, { action: 'case.document_add', entityType: 'case', entityId: c.id, details: facts });
    const names = await casesRepo.userNames(tx.db, [me]);
    return { id: doc.id, name: fileName, mediaType, sizeBytes: bytes.length, uploadedBy: me ? { userId: me, name: names.get(me) ?? '' } : null, at: doc.createdAt.toISOString() };
  });
}

/** The case's documents, oldest first: names opened for the reader, the bytes left in the database. Audited as a read. */
export async function listCaseDocuments({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CaseDocumentList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.id);
    const rows = await tx.db
      .select({ id: caseDocuments.id, fileNameEnc: caseDocuments.fileNameEnc, mediaType: caseDocuments.mediaType, sizeBytes: caseDocuments.sizeBytes, uploadedBy: caseDocuments.uploadedBy, createdAt: caseDocuments.createdAt })
      .from(caseDocuments)
      .where(and(eq(caseDocuments.orgId, orgId), eq(caseDocuments.caseId, c.id)))
      .orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id));
    const names = await casesRepo.userNames(tx.db, rows.map((r) => r.uploadedBy));
    await audit(tx, { action: 'case.documents_list', entityType: 'case', entityId: c.id, details: { documents: rows.length } });
    const items = [];
    for (const r of rows) {
      items.push({
        id: r.id, name: await ctx.deps.keyring.decrypt(tx.db, orgId, r.fileNameEnc), mediaType: r.mediaType, sizeBytes: r.sizeBytes,
        uploadedBy: r.uploadedBy ? { userId: r.uploadedBy, name: names.get(r.uploadedBy) ?? '' } : null, at: r.createdAt.toISOString(),
      });
    }
    return { items };
  });
}

/** One document's name, detected type and bytes, for a download. Every read is audited (DESIGN §3 rule 4). */
export async function readCaseDocument({ ctx, input }: { ctx: Ctx; input: { id: string; docId: string } }): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.id);
    const [doc] = await tx.db.select().from(caseDocuments).where(and(eq(caseDocuments.orgId, orgId), eq(caseDocuments.caseId, c.id), eq(caseDocuments.id, input.docId)));
    if (!doc) throw notFound('document');
    await audit(tx, { action: 'case.document_read', entityType: 'case', entityId: c.id, details: { documentId: doc.id } });
    const keyring = ctx.deps.keyring;
    return {
      name: await keyring.decrypt(tx.db, orgId, doc.fileNameEnc),
      mediaType: doc.mediaType,
      bytes: Buffer.from(await keyring.decrypt(tx.db, orgId, doc.contentEnc), 'base64'),
    };
  });
}

/** Remove a document (uploaded to the wrong case, or no longer needed): gone from the database, kept on the timeline as a fact. */
export async function deleteCaseDocument({ ctx, input }: { ctx: Ctx; input: { id: string; docId: string } }): Promise<{ ok: true }> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    const [gone] = await tx.db
      .delete(caseDocuments)
      .where(and(eq(caseDocuments.orgId, orgId), eq(caseDocuments.caseId, c.id), eq(caseDocuments.id, input.docId)))
      .returning({ id: caseDocuments.id, mediaType: caseDocuments.mediaType, sizeBytes: caseDocuments.sizeBytes });
    if (!gone) throw notFound('document');
    const me = ctx.actor?.userId ?? null;
    const facts = { documentId: gone.id, mediaType: gone.mediaType, sizeBytes: gone.sizeBytes };
    await casesRepo.event(tx.db, orgId, c.id, 'document_deleted', me, facts);
    await audit(tx, { action: 'case.document_delete', entityType: 'case', entityId: c.id, details: facts });
    return { ok: true as const };
  });
}
