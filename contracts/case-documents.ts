import { z } from 'zod';

/**
 * Case documents (docs/cases.md): a scan of an EAD card, a receipt notice, a letter. The
 * file's bytes are the request body; its name travels in the query, percent-encoded.
 */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** What a person may attach, by the type detected from the bytes (never by the name alone). */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const DocumentMediaType = z.enum(DOCUMENT_MEDIA_TYPES);
/** For the file picker's `accept`: the names a person's device gives these files. */
export const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.heif,.docx,application/pdf,image/jpeg,image/png,image/heic,image/heif';

export const CaseDocumentUploadQuery = z.object({ name: z.string().min(1).max(255) });
export type CaseDocumentUploadQuery = z.infer<typeof CaseDocumentUploadQuery>;

export const CaseDocument = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  at: z.string(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;
export const CaseDocumentList = z.object({ items: z.array(CaseDocument) });
export type CaseDocumentList = z.infer<typeof CaseDocumentList>;
