import { z } from 'zod';
import { CaseDocument, CaseDocumentList, CaseDocumentUploadQuery, DOCUMENT_MAX_BYTES } from '../../../contracts/case-documents.ts';
import { Ok } from '../../../contracts/common.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { addCaseDocument, deleteCaseDocument, listCaseDocuments, readCaseDocument } from './case-documents.ts';
import { attachmentDisposition, typeNotAllowed } from './case-documents-type.ts';
import { DOCUMENT_UPLOAD_URL } from './case-documents-upload.ts';

const tags = ['cases'];
const IdParams = z.object({ id: z.uuid() });
const DocParams = IdParams.extend({ docId: z.uuid() });
const read = { action: 'cases.read' } as const;
const write = { action: 'cases.write' } as const;

/** Encrypted case documents (docs/cases.md): the body of an upload is the file; its name is in `?name=`. */
export const caseDocumentRoutes = [
  defineRoute({
    method: 'POST', url: DOCUMENT_UPLOAD_URL, tags, policy: write, bodyLimit: DOCUMENT_MAX_BYTES, status: 201,
    summary: 'Attach a document (PDF, JPEG, PNG, HEIC/HEIF or DOCX, at most 10 MB): the raw file as the body, its name in ?name= (percent-encoded). The type is detected from the bytes; a name or Content-Type that says otherwise is refused.',
    params: IdParams, query: CaseDocumentUploadQuery, response: CaseDocument,
    handler: ({ ctx, params, query, req }) => {
      // JSON, text and form bodies are parsed by their own parsers before they get here: none of them is an allowed file.
      if (req.body !== undefined && !Buffer.isBuffer(req.body)) throw typeNotAllowed();
      return addCaseDocument({ ctx, input: { id: params.id, name: query.name, contentType: req.headers['content-type'] ?? null, bytes: req.body } });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id/documents', tags, summary: "The case's documents: name, detected type, size, who and when (audited)", policy: read,
    params: IdParams, response: CaseDocumentList,
    handler: ({ ctx, params }) => listCaseDocuments({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id/documents/:docId', tags, summary: 'Download a document, always as an attachment with its detected type (audited)', policy: read,
    params: DocParams, response: z.unknown().describe('the file'),
    handler: async ({ ctx, params, reply }) => {
      const doc = await readCaseDocument({ ctx, input: params });
      // Never rendered in the app's origin: a download with the type found at upload, no sniffing, no scripts even if opened.
      reply
        .type(doc.mediaType)
        .header('content-disposition', attachmentDisposition(doc.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      return doc.bytes;
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/cases/:id/documents/:docId', tags, summary: 'Remove a document (kept on the timeline as a fact)', policy: write,
    params: DocParams, response: Ok,
    handler: ({ ctx, params }) => deleteCaseDocument({ ctx, input: params }),
  }),
];
