import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanDocumentName, detectDocumentType, extensionOf, withExtension } from './case-documents-type.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a1b60000000049454e44ae426082', 'hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(32)]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64)]);
const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);

describe('what a document is', () => {
  it('takes the type from the bytes and accepts the names and claims phones and browsers use for it', async () => {
    expect(await detectDocumentType(JPEG, { name: 'photo.jpeg', contentType: 'image/jpg' })).toEqual({ mediaType: 'image/jpeg', ext: 'jpg' });
    expect(await detectDocumentType(HEIC, { name: 'IMG_1.HEIF', contentType: 'image/heif' })).toEqual({ mediaType: 'image/heic', ext: 'heic' });
    expect(await detectDocumentType(PNG, { name: 'scan', contentType: 'application/octet-stream; charset=binary' })).toEqual({ mediaType: 'image/png', ext: 'png' });
    expect(await detectDocumentType(PNG, { name: 'scan v2.1', contentType: null })).toMatchObject({ mediaType: 'image/png' });
  });

  it('refuses what the bytes do not show as allowed, and claims that contradict the bytes', async () => {
    expect(await code(detectDocumentType(Buffer.from('<html><script>x</script></html>'), { name: 'a.pdf' }))).toBe('document_type_not_allowed');
    expect(await code(detectDocumentType(PNG, { name: 'a.pdf' }))).toBe('document_type_mismatch');
    expect(await code(detectDocumentType(PNG, { name: 'a.png', contentType: 'application/pdf' }))).toBe('document_type_mismatch');
    expect(await code(detectDocumentType(JPEG, { name: 'a.heic' }))).toBe('document_type_mismatch');
  });

  it('cleans names: NFC, no folders, no control characters', () => {
    expect(cleanDocumentName('여권.pdf'.normalize('NFD'))).toBe('여권.pdf');
    expect(cleanDocumentName('C:\\Users\\kim\\scan.png')).toBe('scan.png');
    expect(() => cleanDocumentName('a\nb.png')).toThrow('document_name_invalid');
    expect(() => cleanDocumentName('..')).toThrow('document_name_invalid');
    expect(extensionOf('report v2.1')).toBeNull();
    expect(withExtension('report v2.1', 'pdf')).toBe('report v2.1.pdf');
    expect(withExtension('a.PDF', 'pdf')).toBe('a.PDF');
  });

  it('writes an attachment disposition any browser reads, Hangul included', () => {
    expect(attachmentDisposition('a "b".pdf')).toBe(`attachment; filename="a _b_.pdf"; filename*=UTF-8''a%20%22b%22.pdf`);
    expect(attachmentDisposition('영수증.png')).toBe(`attachment; filename="document.png"; filename*=UTF-8''%EC%98%81%EC%88%98%EC%A6%9D.png`);
    expect(attachmentDisposition("이민지's (1).pdf")).toBe(`attachment; filename="_'s (1).pdf"; filename*=UTF-8''%EC%9D%B4%EB%AF%BC%EC%A7%80%27s%20%281%29.pdf`);
  });
});
