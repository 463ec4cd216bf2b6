import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDbKind, type TestApp } from '../../../test/harness.ts';
import { eq } from 'drizzle-orm';
import { inboundMessages, messagingSenders } from '../../modules/messaging/index.ts';
import { writeBackup } from '../../ops/backup.ts';

/**
 * DESIGN.md §3.3: "A database dump must show no plaintext" of sensitive fields. People are
 * created through the API with distinctive values; then the whole database is dumped the
 * way an attacker with a copy would see it, and searched byte for byte. Non-encrypted
 * values of the same people are searched too (positive controls): they must be found, or
 * the dump did not contain the data and the test would pass for nothing.
 */
const SECRETS = {
  immigrationStatus: 'DACA-PLAINTEXT-CANARY-7781',
  aNumber: 'A987654321',
  dateOfBirth: '1977-07-07',
};
const SECOND = { immigrationStatus: 'TPS-CANARY-3319-비밀', aNumber: 'A555000999', dateOfBirth: '1955-05-15' };
const CONTROLS = ['Canarygiven', 'Plaintextfamily', '카나리아'];
const TEXT_CANARY = '제 A번호는 A246813579 입니다 TEXT-CANARY';
const NOTE_CANARY = 'Receipt IOE0912345678 NOTE-CANARY';
// A scanned document: its bytes and its name say as much as a note (an A-number on an EAD card).
const DOC_BYTES_CANARY = 'A135792468 DOC-BYTES-CANARY';
const DOC_NAME_CANARY = 'DOC-NAME-CANARY 여권사본';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const c = await t.as('coordinator');
  const first = await c.post('/api/v1/people', { givenName: 'Canarygiven', familyName: 'Plaintextfamily', nameKo: '카나리아', preferredLanguage: 'ko', ...SECRETS });
  expect(first.statusCode).toBe(201);
  const second = await c.post('/api/v1/people', { givenName: 'Second', preferredLanguage: 'en', ...SECOND });
  expect(second.statusCode).toBe(201);
  // Edits and reads leave traces elsewhere too (audit rows, old row versions): include them.
  const updated = await c.patch(`/api/v1/people/${second.json().id}`, { version: 1, immigrationStatus: `${SECOND.immigrationStatus}-renewed` });
  expect(updated.statusCode).toBe(200);
  expect((await c.get(`/api/v1/people/${first.json().id}`)).json().sensitive).toEqual(SECRETS);
  // What members write and what staff note about them: a text to the hotline, a case note.
  await t.deps.database.db.insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Hotline', phoneE164: '+13125550188', isDefault: true });
  // Straight to the webhook, as Twilio would call it (the simulator would also keep the carrier's copy of the text in this database).
  const url = `${t.deps.config.publicUrl}/webhooks/twilio/sms`;
  const params = { AccountSid: `AC${'0'.repeat(32)}`, MessageSid: `SM${'c'.repeat(32)}`, From: '+13125550189', To: '+13125550188', Body: TEXT_CANARY };
  const hook = await t.app.inject({
    method: 'POST', url: '/webhooks/twilio/sms', payload: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': t.deps.simulator.sign(url, params).signature },
  });
  expect(hook.statusCode).toBe(200);
  const [text] = await t.deps.database.db.select().from(inboundMessages).where(eq(inboundMessages.fromAddress, '+13125550189'));
  expect(text.body).toMatch(/^hv1\./);
  const opened = await c.post('/api/v1/cases', { personId: first.json().id, type: 'daca_renewal' });
  expect(opened.statusCode).toBe(201);
  expect((await c.post(`/api/v1/cases/${opened.json().id}/notes`, { kind: 'information', body: NOTE_CANARY })).statusCode).toBe(201);
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${DOC_BYTES_CANARY}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'utf8');
  const doc = await c.request({ method: 'POST', url: `/api/v1/cases/${opened.json().id}/documents?name=${encodeURIComponent(`${DOC_NAME_CANARY}.pdf`)}`, payload: pdf, headers: { 'content-type': 'application/pdf' } });
  expect(doc.statusCode, doc.body).toBe(201);
  // Read back once, so any trace a download leaves (audit rows) is in the dump too.
  expect((await c.get(`/api/v1/cases/${opened.json().id}/documents/${doc.json().id}`)).rawPayload.equals(pdf)).toBe(true);
});
afterAll(() => t?.close());

const secrets = [...Object.values(SECRETS), ...Object.values(SECOND), 'A246813579', 'TEXT-CANARY', 'IOE0912345678', 'NOTE-CANARY', 'A135792468', 'DOC-BYTES-CANARY', 'DOC-NAME-CANARY', '여권사본'];

/** Which of `needles` occur in `haystack` (UTF-8 bytes, so Hangul is searched as stored). */
const found = (haystack: Buffer, needles: string[]) => needles.filter((n) => haystack.includes(Buffer.from(n, 'utf8')));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function findPgDump(): string | null {
  for (const candidate of ['/usr/lib/postgresql/15/bin/pg_dump', 'pg_dump']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  return null;
}

describe('no plaintext of sensitive fields in a database dump', () => {
  it.runIf(testDbKind === 'pglite')('PGlite: the dumped data directory, and its raw files on disk', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = (t.deps.database.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
    // Flush shared buffers so the table files themselves hold the rows (the WAL already does).
    await client.exec('checkpoint');
    const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
    expect(found(dump, CONTROLS)).toEqual(CONTROLS);
    expect(found(dump, secrets)).toEqual([]);

    // The same data as an embedded installation keeps it: files in a data directory.
    const dir = path.join(t.dataDir, 'pgdata-copy');
    const copy = new PGlite({ dataDir: dir, loadDataDir: new Blob([dump]) });
    await copy.waitReady;
    await copy.exec('checkpoint');
    await copy.close();
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(100);
    const hits = { controls: new Set<string>(), secrets: new Set<string>() };
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      for (const n of found(bytes, CONTROLS)) hits.controls.add(n);
      for (const n of found(bytes, secrets)) hits.secrets.add(`${n} in ${path.relative(dir, f)}`);
    }
    expect([...hits.controls].sort()).toEqual([...CONTROLS].sort());
    expect([...hits.secrets]).toEqual([]);
  });

  it.runIf(testDbKind === 'postgres')('PostgreSQL: pg_dump of the database (or Haven\'s own backup when pg_dump is missing)', async () => {
    const url = t.deps.config.DATABASE_URL!;
    const pgDump = findPgDump();
    let dump: Buffer;
    if (pgDump) {
      dump = execFileSync(pgDump, ['--no-owner', '--no-privileges', `--dbname=${url}`], { maxBuffer: 256 * 1024 * 1024 });
    } else {
      const file = path.join(t.dataDir, 'dump.ndjson.gz');
      await writeBackup(t.deps.database, file);
      dump = zlib.gunzipSync(fs.readFileSync(file));
    }
    expect(found(dump, CONTROLS)).toEqual(CONTROLS);
    expect(found(dump, secrets)).toEqual([]);
  });

  it("Haven's own backup file holds ciphertext only", async () => {
    const file = path.join(t.dataDir, 'backup.ndjson.gz');
    await writeBackup(t.deps.database, file);
    const text = zlib.gunzipSync(fs.readFileSync(file));
    expect(found(text, CONTROLS)).toEqual(CONTROLS);
    expect(found(text, secrets)).toEqual([]);
    expect(text.includes(Buffer.from('"immigration_status_enc":"hv1.'))).toBe(true);
  });
});
