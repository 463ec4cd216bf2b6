import { eq } from 'drizzle-orm';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { EmailSendError } from '../../integrations/email/email.port.ts';
import { outboundMessages } from './messaging.table.ts';
import { sendOutboxEmail } from './send-outbox-email.ts';

/**
 * Outbox email through a real SMTP server (smtp-server on a free port, nodemailer as the
 * client), parsed back as a receiver would (postal-mime), then the RFC 8058 one-click POST
 * to the URL taken from the delivered header.
 */
let t: TestApp;
let smtp: SMTPServer;
const inbox: string[] = [];
const waiters: ((raw: string) => void)[] = [];

const nextMail = () =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no mail arrived')), 10_000);
    waiters.push((raw) => (clearTimeout(timer), resolve(raw)));
  });

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Addresses that make the server answer as a real one would refuse: 550 for good, 451 for now.
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('gone@')) return cb(Object.assign(new Error('No such user'), { responseCode: 550 }));
      if (address.address.startsWith('busy@')) return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        inbox.push(raw);
        waiters.shift()?.(raw);
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  t = await startTestApp({ env: { EMAIL_PROVIDER: 'smtp', SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://haven.example.org' } });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const db = () => t.deps.database.db;
const orgName = async (id: string) => (await t.deps.database.query<{ name: string }>('select name from organizations where id = $1', [id]))[0].name;

async function queue(orgId: string, toAddress: string, topic = 'alerts') {
  const [row] = await db()
    .insert(outboundMessages)
    .values({ orgId, channel: 'email', toAddress, lang: 'ko', subject: '긴급 안내', body: '내일 오전 10시 설명회가 있습니다.\n\n장소: 시카고 한인회관', kind: 'broadcast', topic })
    .returning();
  return row;
}

/** Send one outbox row through SMTP and return the parsed message and its unsubscribe path. */
async function deliver(row: Awaited<ReturnType<typeof queue>>) {
  const arrived = nextMail();
  const { providerId } = await sendOutboxEmail(t.deps, row, { name: await orgName(row.orgId) });
  const parsed = await PostalMime.parse(await arrived);
  const header = (k: string) => parsed.headers.find((h) => h.key === k.toLowerCase())?.value;
  const url = /^<([^>]+)>$/.exec(header('List-Unsubscribe') ?? '')?.[1] ?? '';
  return { providerId, parsed, header, url, path: new URL(url).pathname };
}

const consentRows = (address: string) =>
  t.deps.database.query<{ evidence_kind: string; evidence: { method: string }; status: string; topic: string; scope: string }>(
    'select evidence_kind, evidence, status, topic, scope from consent_events where address = $1 order by created_at',
    [address],
  );
const statusOf = async (id: string) => (await db().select().from(outboundMessages).where(eq(outboundMessages.id, id)))[0].status;
const oneClick = (path: string) =>
  t.anonymous().request({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });

describe('outbox email over SMTP', () => {
  it('delivers multipart text + HTML in Korean with the RFC 8058 headers', async () => {
    const row = await queue(t.orgs.a, 'minjun@example.org');
    const { providerId, parsed, header, url } = await deliver(row);
    expect(providerId).toMatch(/^<.+>$/);
    expect(parsed.subject).toBe('긴급 안내');
    expect(parsed.to?.[0].address).toBe('minjun@example.org');
    expect(parsed.text).toContain('내일 오전 10시 설명회가 있습니다.');
    expect(parsed.text).toContain('수신을 원하지 않으시면');
    expect(parsed.html).toContain('<html lang="ko" dir="ltr">');
    expect(parsed.html).toContain('장소: 시카고 한인회관');
    expect(parsed.html).toContain('Affiliate A');
    expect(url).toMatch(/^https:\/\/haven\.example\.org\/p\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header('X-Haven-Message-Id')).toBe(row.id);
    // the footer link and the header link are the same URL
    expect(parsed.text).toContain(url);
  });

  it('still sends the headers, with an http URL, on the embedded default', async () => {
    const row = await queue(t.orgs.a, 'http-default@example.org');
    const arrived = nextMail();
    await sendOutboxEmail({ ...t.deps, config: { ...t.deps.config, publicUrl: 'http://localhost:8080' } }, row, { name: 'Affiliate A' });
    const parsed = await PostalMime.parse(await arrived);
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe')?.value).toMatch(/^<http:\/\/localhost:8080\/p\/unsubscribe\/[^>]+>$/);
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe-post')?.value).toBe('List-Unsubscribe=One-Click');
  });

  it('tells a permanent SMTP refusal (5xx) from a transient one (4xx, no connection)', async () => {
    const gone = sendOutboxEmail(t.deps, await queue(t.orgs.a, 'gone@example.org'), { name: 'A' });
    await expect(gone).rejects.toBeInstanceOf(EmailSendError);
    await expect(gone).rejects.toMatchObject({ permanent: true, code: 550 });
    await expect(sendOutboxEmail(t.deps, await queue(t.orgs.a, 'busy@example.org'), { name: 'A' })).rejects.toMatchObject({ permanent: false, code: 451 });
  });
});

describe('one-click unsubscribe', () => {
  it('records the opt-out at once, cancels only that org’s queued email, and audits without the address', async () => {
    const address = 'oneclick@example.org';
    const mailed = await queue(t.orgs.a, address);
    const { path } = await deliver(mailed);
    const waitingA = await queue(t.orgs.a, address);
    const waitingB = await queue(t.orgs.b, address);

    const res = await oneClick(path);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await consentRows(address);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ evidence_kind: 'unsubscribe_link', status: 'opted_out', topic: 'alerts', scope: 'affiliate', evidence: { method: 'one_click' } });
    expect(await statusOf(waitingA.id)).toBe('canceled');
    // an unsubscribe from affiliate A's mail does not silence affiliate B
    expect(await statusOf(waitingB.id)).toBe('queued');

    const audits = await t.deps.database.query<{ org_id: string; details: unknown }>(`select org_id, details from audit_log where action = 'consent.email.unsubscribe'`);
    expect(audits.some((a) => a.org_id === t.orgs.a)).toBe(true);
    for (const a of audits) expect(JSON.stringify(a.details)).not.toContain('@');

    const again = await oneClick(path);
    expect(again.statusCode).toBe(200);
    expect(await consentRows(address)).toHaveLength(1);
  });

  it('accepts the multipart/form-data body RFC 8058 recommends', async () => {
    const { path } = await deliver(await queue(t.orgs.a, 'multipart@example.org'));
    const boundary = 'xYzZY';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const res = await t.anonymous().request({ method: 'POST', url: path, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(await consentRows('multipart@example.org')).toMatchObject([{ evidence: { method: 'one_click' } }]);
    // multipart stays refused everywhere else
    const elsewhere = await t.anonymous().request({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('GET shows a page in the token’s language and records nothing; its button unsubscribes', async () => {
    const address = 'page@example.org';
    const { path } = await deliver(await queue(t.orgs.a, address));
    const page = await t.anonymous().get(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="ko"');
    expect(page.body).toContain(`<form method="post" action="${path}">`);
    expect(page.body).toContain('Affiliate A');
    await t.anonymous().get(path);
    expect(await consentRows(address)).toEqual([]);

    const done = await t.anonymous().request({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'source=page' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('수신 거부가 완료되었습니다.');
    expect(await consentRows(address)).toMatchObject([{ evidence_kind: 'unsubscribe_link', evidence: { method: 'page' } }]);
  });

  it('refuses a tampered token with a translated 400, on POST and GET, and records nothing', async () => {
    const address = 'tamper@example.org';
    const { path } = await deliver(await queue(t.orgs.a, address));
    const [payload, sig] = path.split('/').pop()!.split('.');
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), address: 'victim@example.org' })).toString('base64url');
    for (const bad of [`/p/unsubscribe/${payload}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, `/p/unsubscribe/${other}.${sig}`]) {
      const res = await t.anonymous().request({
        method: 'POST', url: bad, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-haven-lang': 'ko' }, payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'unsubscribe_invalid', message: expect.stringContaining('수신 거부 링크는 유효하지 않습니다') });
      const page = await t.anonymous().get(bad, { 'x-haven-lang': 'ko' });
      expect(page.statusCode).toBe(400);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('수신 거부 링크는 유효하지 않습니다');
    }
    expect(await consentRows(address)).toEqual([]);
    expect(await consentRows('victim@example.org')).toEqual([]);
  });
});
