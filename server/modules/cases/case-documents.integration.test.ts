import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { caseDocuments, caseEvents } from './cases.table.ts';

/**
 * Encrypted case documents through the real app: a round trip byte for byte, the type
 * decided by the bytes (a page, a program or a photo passed off as a PDF is refused), the
 * 10 MB limit, empty files, Hangul names, download headers, and the walls (role, affiliate).
 * Every refusal leaves nothing behind.
 */
let t: TestApp;
let coordinator: Client;
let caseId: string;
const db = () => t.deps.database.db;

// Smallest real files of each kind: their magic numbers are what the server looks at.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a1b60000000049454e44ae426082', 'hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Title (${text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(64)]);

/** A ZIP with stored entries: a Word document when it has the OOXML parts, a plain archive otherwise. */
function storedZip(files: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fname = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fname.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(data.length, 20); cen.writeUInt32LE(data.length, 24); cen.writeUInt16LE(fname.length, 28); cen.writeUInt32LE(offset, 42);
    parts.push(local, fname, data);
    central.push(cen, fname);
    offset += 30 + fname.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
const DOCX = storedZip({
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document/>',
});
const ZIP = storedZip({ 'payload.txt': 'not a document' });

const upload = (c: Client, id: string, name: string, bytes: Buffer, contentType: string | null = 'application/octet-stream', headers: Record<string, string> = {}) =>
  c.request({
    method: 'POST',
    url: `/api/v1/cases/${id}/documents?name=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
  });
const docsOf = async (id: string) => db().select().from(caseDocuments).where(eq(caseDocuments.caseId, id));
const eventsOf = async (id: string) => (await db().select().from(caseEvents).where(eq(caseEvents.caseId, id))).map((e) => e.kind);

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator', 'a');
  const person = (await coordinator.post('/api/v1/people', { givenName: 'Jiwoo', familyName: 'Han', nameKo: '한지우', preferredLanguage: 'ko', phone: '(312) 555-0701' })).json();
  const opened = await coordinator.post('/api/v1/cases', { personId: person.id, type: 'daca_renewal' });
  expect(opened.statusCode).toBe(201);
  caseId = opened.json().id;
});
afterAll(() => t?.close());

describe('case documents', () => {
  it('round-trips a PDF byte for byte, sealed at rest, on the timeline and in the audit log without its name', async () => {
    const bytes = pdf('EAD card front');
    const res = await upload(coordinator, caseId, 'ead-card.pdf', bytes, 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ name: 'ead-card.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, uploadedBy: { name: 'coordinator a' } });

    const [row] = await docsOf(caseId);
    expect(row.contentEnc).toMatch(/^hv1\./);
    expect(row.fileNameEnc).toMatch(/^hv1\./);
    expect(row.contentEnc).not.toContain('EAD card');
    expect(row.contentEnc).not.toContain(bytes.toString('base64').slice(0, 40));

    const list = await coordinator.get(`/api/v1/cases/${caseId}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([doc]);

    const down = await coordinator.get(`/api/v1/cases/${caseId}/documents/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="ead-card.pdf"; filename*=UTF-8''ead-card.pdf`);
    expect(String(down.headers['content-security-policy'])).toContain('sandbox');

    const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.find((e) => e.kind === 'document_added')!.data).toEqual({ documentId: doc.id, mediaType: 'application/pdf', sizeBytes: bytes.length });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, caseId));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['case.document_add', 'case.documents_list', 'case.document_read']));
    expect(JSON.stringify(audits)).not.toContain('ead-card');
  });

  it('accepts each allowed kind, taking the type from the bytes (a name without an ending gets one)', async () => {
    const cases: [string, Buffer, string | null, string, string][] = [
      ['photo.JPG', JPEG, 'image/jpeg', 'image/jpeg', 'photo.JPG'],
      ['IMG_0042.HEIC', HEIC, 'image/heif', 'image/heic', 'IMG_0042.HEIC'],
      ['receipt.png', PNG, 'image/png', 'image/png', 'receipt.png'],
      ['letter.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'letter.docx'],
      ['scan v2.1', PNG, null, 'image/png', 'scan v2.1.png'],
    ];
    for (const [name, bytes, contentType, mediaType, stored] of cases) {
      const res = await upload(coordinator, caseId, name, bytes, contentType);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json(), name).toMatchObject({ mediaType, name: stored, sizeBytes: bytes.length });
    }
  });

  it('keeps a Hangul file name (sent decomposed, as a Mac does) and sends it back in RFC 5987 form', async () => {
    const name = '여권 사본 (앞면).png';
    const res = await upload(coordinator, caseId, name.normalize('NFD'), PNG, 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(name);
    const listed = (await coordinator.get(`/api/v1/cases/${caseId}/documents`)).json().items.map((d: { name: string }) => d.name);
    expect(listed).toContain(name);
    const down = await coordinator.get(`/api/v1/cases/${caseId}/documents/${res.json().id}`);
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = disposition.split("filename*=UTF-8''")[1];
    expect(encoded).not.toMatch(/[()' ]/);
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(down.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses disguised files with a translated 415 and writes nothing', async () => {
    const before = { docs: (await docsOf(caseId)).length, events: (await eventsOf(caseId)).length };
    const refusals: [string, Buffer, string | null, string][] = [
      ['invoice.pdf', HTML, 'application/pdf', 'document_type_not_allowed'],
      ['invoice.pdf', EXE, 'application/octet-stream', 'document_type_not_allowed'],
      ['invoice.pdf', ZIP, 'application/pdf', 'document_type_not_allowed'],
      ['page.html', HTML, 'text/html', 'document_type_not_allowed'],
      ['notes.txt', Buffer.from('plain words'), 'text/plain', 'document_type_not_allowed'],
      ['scan.pdf', PNG, 'application/octet-stream', 'document_type_mismatch'],
      ['scan.png', PNG, 'application/pdf', 'document_type_mismatch'],
      ['letter.pdf', DOCX, null, 'document_type_mismatch'],
    ];
    for (const [name, bytes, contentType, code] of refusals) {
      const res = await upload(coordinator, caseId, name, bytes, contentType);
      expect([res.statusCode, res.json().error.code, res.json().error.field], `${name} as ${contentType}`).toEqual([415, code, 'file']);
    }
    const ko = await upload(coordinator, caseId, 'scan.pdf', PNG, 'application/octet-stream', { 'x-haven-lang': 'ko' });
    expect(ko.json().error.message).toContain('원본 파일');
    const es = await upload(coordinator, caseId, 'x.pdf', EXE, 'application/octet-stream', { 'x-haven-lang': 'es' });
    expect(es.json().error.message).toContain('No se puede adjuntar');
    expect({ docs: (await docsOf(caseId)).length, events: (await eventsOf(caseId)).length }).toEqual(before);
  });

  it('refuses an empty file, a bad name and a JSON body with a 400 naming the field', async () => {
    const before = (await docsOf(caseId)).length;
    const empty = await upload(coordinator, caseId, 'blank.pdf', Buffer.alloc(0), 'application/pdf');
    expect([empty.statusCode, empty.json().error.code, empty.json().error.field]).toEqual([400, 'document_empty', 'file']);
    const noBody = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=blank.pdf` });
    expect([noBody.statusCode, noBody.json().error.code]).toEqual([400, 'document_empty']);
    const noName = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents`, payload: PNG, headers: { 'content-type': 'image/png' } });
    expect([noName.statusCode, noName.json().error.field]).toEqual([400, 'name']);
    const control = await upload(coordinator, caseId, 'a\u0007b.png', PNG);
    expect([control.statusCode, control.json().error.code, control.json().error.field]).toEqual([400, 'document_name_invalid', 'name']);
    const onlyFolder = await upload(coordinator, caseId, 'scans/', PNG);
    expect(onlyFolder.json().error.code).toBe('document_name_invalid');
    const json = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=x.pdf`, payload: { file: 'JVBERi0=' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('document_type_not_allowed');
    expect((await docsOf(caseId)).length).toBe(before);
    // A folder in the name is dropped, not kept.
    const nested = await upload(coordinator, caseId, '../../etc/passport.png', PNG);
    expect(nested.json().name).toBe('passport.png');
  });

  it('refuses a file over 10 MB with a translated 413, whether announced or not', async () => {
    const before = (await docsOf(caseId)).length;
    const big = Buffer.concat([pdf('big'), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(coordinator, caseId, 'big.pdf', big, 'application/pdf', { 'x-haven-lang': 'ko' });
    expect([res.statusCode, res.json().error.code, res.json().error.field]).toEqual([413, 'document_too_large', 'file']);
    expect(res.json().error.message).toContain('10MB');
    // Sent as a stream without a Content-Length: counted as it arrives and cut off at the limit.
    const streamed = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=big.pdf`, payload: Readable.from([big.subarray(0, 6e6), big.subarray(6e6)]), headers: { 'content-type': 'application/pdf' } });
    expect([streamed.statusCode, streamed.json().error.code]).toEqual([413, 'document_too_large']);
    expect((await docsOf(caseId)).length).toBe(before);
    // Exactly 10 MB is still accepted.
    const edge = Buffer.concat([pdf('edge'), Buffer.alloc(10 * 1024 * 1024 - pdf('edge').length)]);
    const ok = await upload(coordinator, caseId, 'edge.pdf', edge, 'application/pdf');
    expect(ok.statusCode, ok.body.slice(0, 200)).toBe(201);
    expect(ok.json().sizeBytes).toBe(10 * 1024 * 1024);
    const down = await coordinator.get(`/api/v1/cases/${caseId}/documents/${ok.json().id}`);
    expect(down.rawPayload.equals(edge)).toBe(true);
    expect((await docsOf(caseId)).length).toBe(before + 1);
    await coordinator.delete(`/api/v1/cases/${caseId}/documents/${ok.json().id}`);
  });

  it('leaves every other route refusing raw bodies as before', async () => {
    const res = await coordinator.request({ method: 'POST', url: '/api/v1/cases', payload: PNG, headers: { 'content-type': 'application/octet-stream' } });
    expect([res.statusCode, res.json().error.code]).toEqual([415, 'unsupported_media_type']);
    const unknown = await coordinator.request({ method: 'POST', url: '/api/v1/nowhere', payload: PNG, headers: { 'content-type': 'application/octet-stream' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('deletes a document: gone from the database, a fact on the timeline', async () => {
    const added = (await upload(coordinator, caseId, 'wrong-case.png', PNG)).json();
    const volunteer = await t.as('volunteer', 'a');
    expect((await volunteer.delete(`/api/v1/cases/${caseId}/documents/${added.id}`)).statusCode).toBe(403);
    const gone = await coordinator.delete(`/api/v1/cases/${caseId}/documents/${added.id}`);
    expect([gone.statusCode, gone.json()]).toEqual([200, { ok: true }]);
    expect((await docsOf(caseId)).map((d) => d.id)).not.toContain(added.id);
    expect((await coordinator.get(`/api/v1/cases/${caseId}/documents/${added.id}`)).statusCode).toBe(404);
    expect((await coordinator.delete(`/api/v1/cases/${caseId}/documents/${added.id}`)).statusCode).toBe(404);
    const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.find((e) => e.kind === 'document_deleted' && e.data.documentId === added.id)!.data).toEqual({ documentId: added.id, mediaType: 'image/png', sizeBytes: PNG.length });
  });

  it('answers 404 for an unknown case or document and for another affiliate; refuses roles without cases access', async () => {
    const doc = (await upload(coordinator, caseId, 'front.png', PNG)).json();
    const before = (await docsOf(caseId)).length;
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await upload(coordinator, missing, 'x.png', PNG)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/cases/${missing}/documents`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/cases/${caseId}/documents/${missing}`)).statusCode).toBe(404);

    const other = await t.as('coordinator', 'b');
    for (const res of [
      await upload(other, caseId, 'x.png', PNG),
      await upload(other, caseId, 'x.pdf', EXE),
      await other.get(`/api/v1/cases/${caseId}/documents`),
      await other.get(`/api/v1/cases/${caseId}/documents/${doc.id}`),
      await other.delete(`/api/v1/cases/${caseId}/documents/${doc.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(doc.id);
    }
    // B's own case cannot reach A's document either.
    const bPerson = (await other.post('/api/v1/people', { givenName: 'Other', preferredLanguage: 'en', phone: '(212) 555-0702' })).json();
    const bCase = (await other.post('/api/v1/cases', { personId: bPerson.id, type: 'tps' })).json();
    expect((await other.get(`/api/v1/cases/${bCase.id}/documents/${doc.id}`)).statusCode).toBe(404);

    const volunteer = await t.as('volunteer', 'a');
    expect((await upload(volunteer, caseId, 'x.png', PNG)).statusCode).toBe(403);
    // Refused before the body is read: an oversize upload by a volunteer is a 403, not a 413.
    expect((await upload(volunteer, caseId, 'big.png', Buffer.alloc(11 * 1024 * 1024))).statusCode).toBe(403);
    expect((await volunteer.get(`/api/v1/cases/${caseId}/documents`)).statusCode).toBe(403);
    expect((await volunteer.get(`/api/v1/cases/${caseId}/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await t.anonymous().request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=x.png`, payload: PNG })).statusCode).toBe(401);
    expect((await coordinator.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=x.png`, payload: PNG, headers: { 'x-csrf-token': 'wrong' } })).statusCode).toBe(403);
    expect((await docsOf(caseId)).length).toBe(before);
  });
});
