import { fileTypeFromBuffer } from 'file-type';
import { DOCUMENT_MEDIA_TYPES } from '../../../contracts/case-documents.ts';
import { AppError, invalid } from '../../platform/errors.ts';

type AllowedType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** The file-name endings each allowed type may carry. HEIC and HEIF are one family: phones name either way. */
const EXTENSIONS: Record<AllowedType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};

/** Content-Type values browsers and phones send for the same thing. */
const CLAIM_ALIASES: Record<string, AllowedType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};
const FAMILY: Partial<Record<AllowedType, string>> = { 'image/heic': 'heif', 'image/heif': 'heif' };
/** A claim that says nothing about the content: the type is then taken from the bytes alone. */
const NO_CLAIM = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

const isAllowed = (mime: string): mime is AllowedType => (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(mime);
const sameType = (a: AllowedType, b: string) => a === b || (FAMILY[a] !== undefined && FAMILY[a] === FAMILY[b as AllowedType]);

/** The ending of a file name when it looks like one (a letter, then letters or digits, after the last dot: "v2.1" has none). */
export const extensionOf = (name: string) => /\.([A-Za-z][A-Za-z0-9]{0,7})$/.exec(name)?.[1]?.toLowerCase() ?? null;

export const typeNotAllowed = () => new AppError('document_type_not_allowed', 415, {}, 'file');
export const typeMismatch = () => new AppError('document_type_mismatch', 415, {}, 'file');

/**
 * What the file is, decided by its bytes (magic numbers, via `file-type`): one of the allowed
 * types, or a 415. Neither the name nor the Content-Type may say something else — a page or a
 * program named x.pdf, or a photo sent as a PDF, is refused, so what is stored is what is
 * served back (as an attachment, with the detected type).
 */
export async function detectDocumentType(bytes: Uint8Array, claim: { name: string; contentType?: string | null }): Promise<{ mediaType: AllowedType; ext: string }> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !isAllowed(found.mime)) throw typeNotAllowed();
  const mediaType = found.mime;
  const claimed = (claim.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!NO_CLAIM.has(claimed) && !sameType(mediaType, CLAIM_ALIASES[claimed] ?? claimed)) throw typeMismatch();
  const ext = extensionOf(claim.name);
  if (ext !== null && !EXTENSIONS[mediaType].includes(ext)) throw typeMismatch();
  return { mediaType, ext: EXTENSIONS[mediaType][0] };
}

/**
 * The name as the person gave it, made safe to keep and to send back: Unicode NFC (a Mac
 * sends Hangul decomposed), no folders, no control characters. A name without an ending
 * gets the detected type's, so the download opens in the right program.
 */
export function cleanDocumentName(raw: string): string {
  const name = raw.normalize('NFC').split(/[\\/]/).pop()!.trim();
  // eslint-disable-next-line no-control-regex
  if (!name || name === '.' || name === '..' || /[\u0000-\u001f\u007f]/.test(name)) throw invalid('document_name_invalid', 'name');
  return name;
}

export const withExtension = (name: string, ext: string) => (extensionOf(name) ? name : `${name}.${ext}`);

/** `Content-Disposition: attachment` with an ASCII fallback and the real name in RFC 5987 form (Hangul survives). */
export function attachmentDisposition(name: string): string {
  let ascii = name.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\%]/g, '_');
  // An all-Hangul name would fall back to "_.pdf": an old browser gets a plain word instead.
  if (!/[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, ''))) ascii = `document${extensionOf(name) ? `.${extensionOf(name)}` : ''}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
