import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/rows.ts';
import { startAlertWorkers, startConsentKeywordWorker } from '../server/modules/alerts/index.ts';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import { apiPost, expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * A policy alert from the first keystroke to the last delivery, in Illinois (Prairie Korean
 * Community Center), in the Korean UI: the organizer writes it in Korean, Spanish and English
 * and watches the segment meters and the recipient count follow the typing, then submits it.
 * The coordinator approves the three translations and the alert, and sends it through the
 * simulator to the demo audience (40 subscribers) while the live progress fills in. A Korean
 * member whose text is still waiting texts 중지 in the middle of the send and gets nothing more
 * but the confirmation. Then the two-person rule: the API refuses an author's own approval.
 */
const env = useHavenAndBrowser();

const ORGANIZER = 'organizer.il@demo.haven.local'; // Luis Romero: alerts.write, not alerts.approve
const COORDINATOR = 'coordinator.il@demo.haven.local'; // Daniel Cho: alerts.write and alerts.approve
const ADMIN = 'admin.il@demo.haven.local'; // Grace Yoon: org.settings, messaging.settings
const IL_ORG = 'Prairie Korean Community Center';
const HOTLINE = '+13125550100'; // Illinois' default sender: the alerts go out from it
/** The demo subscribers of Illinois (server/demo/demo-subscribers.ts): i = 0…39, language by i % 5 (ko es en ko es). */
const SUBSCRIBERS = 40;
const subscriberPhone = (i: number) => `+1773555${String(100 + i).padStart(4, '0')}`;
const langOfSubscriber = (i: number) => (['ko', 'es', 'en', 'ko', 'es'] as const)[i % 5];
const KOREAN_SUBSCRIBERS = Array.from({ length: SUBSCRIBERS }, (_, i) => i).filter((i) => langOfSubscriber(i) === 'ko').map(subscriberPhone);

/** 47 characters, Hangul among them: UCS-2, one segment (up to 70). */
const KO_START = 'DACA 갱신 신청은 계속 접수됩니다. 작업 허가 만료 150일 전부터 신청하십시오.';
/** …and with this, 86 characters: two segments (67 each), not past the two the composer warns about. */
const KO_REST = ' 서류 준비를 도와드리니 프레리 한인 커뮤니티 센터로 연락해 주십시오.';
const KO = KO_START + KO_REST;
/** "Más información": á and ó force UCS-2; the GSM-safe variant spells them without accents. */
const ES_TYPED = 'Las renovaciones de DACA siguen abiertas. Más información: llame a nuestro centro.';
const ES_SENT = 'Las renovaciones de DACA siguen abiertas. Mas informacion: llame a nuestro centro.';
const EN = 'DACA renewals remain open. File 150 days before your work permit expires. Questions? Call Prairie Korean Community Center.';
const OPT_OUT_REPLY = `${IL_ORG}: 수신 거부되었습니다.`;
const SLOW = { timeout: 20_000, interval: 200 };
/** The send itself: ~56 segments at 2 a second, on a machine that may be busy. */
const SENDING = { timeout: 150_000, interval: 500 };

/**
 * Quiet hours (8:00–21:00 in the recipient's time zone) would hold every text of this journey
 * when it runs at night in Chicago, and no choice of demo recipients avoids that (at 3 a.m.
 * in Chicago the window is closed in every US state), while an emergency alert only passes
 * quiet hours for the few subscribers who opted in to emergency alerts (all of them Korean).
 * So the send workers judge quiet hours at noon in Chicago today, the clock seam
 * startSendWorkers offers for this; everything else (pacing, consent, the outbox) runs on the
 * real clock. Holding texts at night is covered by server/modules/alerts/sending.integration.test.ts.
 */
const noonInChicago = () => new Date(`${new Date().toISOString().slice(0, 10)}T18:00:00Z`);

// The worker role's parts this journey needs, in the test's process as `haven start` runs them.
beforeAll(async () => {
  await startSendWorkers(env.haven.deps, { now: noonInChicago });
  await startAlertWorkers(env.haven.deps);
  await startConsentKeywordWorker(env.haven.deps);
});

// The affiliate admin: a second approver is needed from 5 recipients on (the demo audience is 40), and the hotline
// number, which sends the alerts, is paced at 2 segments a second, so the send lasts long enough for a member to
// answer in the middle of it (about 30 s for the ~56 segments).
beforeAll(async () => {
  const admin = await signedInPage(env, ADMIN, { lang: 'ko' });
  expect((await api(admin.page, 'PUT', '/api/v1/alerts/settings', { twoPersonThreshold: 5 })).status).toBe(200);
  const senders = (await api(admin.page, 'GET', '/api/v1/messaging/senders')).body.items as { id: string; phone: string | null; isDefault: boolean }[];
  const hotline = senders.find((s) => s.isDefault && s.phone === HOTLINE);
  expect(hotline, 'the default sender is the hotline number').toBeTruthy();
  const paced = await api(admin.page, 'PATCH', `/api/v1/messaging/senders/${hotline!.id}`, { segmentsPerSecond: 2 });
  expect(paced.status, paced.text).toBe(200);
  await admin.context.close();
});

/** A JSON request as the page's signed-in user (cookie and CSRF token), whatever its answer. */
async function api(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) {
  const session = await (await page.request.get(`${env.haven.url}/api/v1/auth/session`)).json();
  const res = await page.request.fetch(`${env.haven.url}${path}`, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null, text };
}

type SimulatorMessage = { direction: 'inbound' | 'outbound'; body: string; status: string; createdAt: string };
async function phoneMessages(page: Page, phone: string): Promise<SimulatorMessage[]> {
  const res = await api(page, 'GET', `/api/v1/simulator/phones/${encodeURIComponent(phone)}/messages`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}
const received = async (page: Page, phone: string) => (await phoneMessages(page, phone)).filter((m) => m.direction === 'outbound').map((m) => m.body);

const stat = async (page: Page, key: string) => Number((await page.getByTestId(`stat-${key}`).getAttribute('data-value')) ?? 'NaN');
const segmentsOf = (page: Page, lang: string) => page.getByTestId(`sms-meter-${lang}`).getAttribute('data-segments');
const encodingOf = (page: Page, lang: string) => page.getByTestId(`sms-meter-${lang}`).getAttribute('data-encoding');
const statusOf = (page: Page) => page.getByTestId('alert-status').getAttribute('data-status');

/**
 * A Korean subscriber, not one of `tried`, whose alert text still waits in the outbox (queued,
 * not yet claimed by the sender). Read from the database: no page shows one member's place
 * in the queue.
 */
async function waitingKoreanSubscriber(alertId: string, tried: string[]): Promise<string | null> {
  const rows = await queryRows<{ to_address: string }>(env.haven.deps.database.db, sql`
    select o.to_address from alert_deliveries d join outbound_messages o on o.id = d.outbound_id
    where d.alert_id = ${alertId} and d.channel = 'sms' and o.status = 'queued'
      and o.to_address = any(${sql.param(KOREAN_SUBSCRIBERS.filter((p) => !tried.includes(p)))}::text[])
    order by o.not_before desc nulls last limit 1`);
  return rows[0]?.to_address ?? null;
}

/** Where this alert's text to `phone` stands in the outbox. */
async function alertTextTo(alertId: string, phone: string) {
  const [row] = await queryRows<{ status: string; status_reason: string | null }>(env.haven.deps.database.db, sql`
    select o.status, o.status_reason from alert_deliveries d join outbound_messages o on o.id = d.outbound_id
    where d.alert_id = ${alertId} and o.to_address = ${phone}`);
  return row;
}

describe('a policy alert in three languages, approved by a second person, sent through the simulator (Korean UI)', () => {
  it('is composed with live segment counts, approved, sent with live progress, and a member who texts 중지 mid-send gets nothing more', async () => {
    // ── The organizer writes the alert. ──
    const organizer = await signedInPage(env, ORGANIZER, { lang: 'ko' });
    const op = organizer.page;
    await op.getByRole('link', { name: '정책 알림', exact: true }).first().click();
    await expect.poll(() => op.getByRole('heading', { level: 1, name: '정책 알림' }).isVisible(), SLOW).toBe(true);
    await op.getByTestId('new-alert').click();
    await expect.poll(() => op.getByRole('heading', { level: 1, name: '새 알림' }).isVisible(), SLOW).toBe(true);
    await op.getByRole('textbox', { name: /^제목/ }).fill('DACA 갱신 안내 (e2e)');
    await op.getByLabel('주제', { exact: true }).selectOption('daca');
    await op.getByLabel('작성 언어', { exact: true }).selectOption('ko');
    await op.getByTestId('create-alert').click();
    await op.waitForURL(/\/alerts\/[0-9a-f-]{36}$/, SLOW);
    const alertId = op.url().split('/').pop()!;
    await expect.poll(() => statusOf(op), SLOW).toBe('draft');
    // Korean first (the source), then English and Spanish.
    expect(await op.locator('[data-testid^="alert-version-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'alert-version-ko', 'alert-version-en', 'alert-version-es',
    ]);
    expect(await op.getByTestId('alert-version-ko').getByLabel('문자 메시지', { exact: true }).count()).toBe(1);

    // Korean, typed key by key: UCS-2 from the first syllable, one segment, then two past 70 characters.
    const ko = op.getByTestId('sms-body-ko');
    await ko.pressSequentially(KO_START);
    await expect.poll(() => segmentsOf(op, 'ko')).toBe('1');
    expect(await encodingOf(op, 'ko')).toBe('UCS-2');
    expect(await textOf(op.getByTestId('sms-segments-ko'))).toBe('1개 분할');
    await ko.pressSequentially(KO_REST);
    await expect.poll(() => segmentsOf(op, 'ko')).toBe('2');
    expect(await encodingOf(op, 'ko')).toBe('UCS-2');
    expect(await textOf(op.getByTestId('sms-segments-ko'))).toBe('2개 분할');
    // Two segments is still fine for Korean: no "too long" warning.
    expect(await op.getByTestId('sms-meter-ko').getByText('2개를 넘으면', { exact: false }).count()).toBe(0);
    await expect.poll(() => op.getByTestId('save-status-ko').getAttribute('data-state'), SLOW).toBe('saved');

    // English: plain GSM-7, one segment.
    await op.getByTestId('sms-body-en').pressSequentially(EN);
    await expect.poll(() => encodingOf(op, 'en')).toBe('GSM-7');
    expect(await segmentsOf(op, 'en')).toBe('1');

    // Spanish: the á of "Más" turns the message UCS-2; the composer names á and ó and offers the GSM-safe text.
    const es = op.getByTestId('sms-body-es');
    await es.pressSequentially('Las renovaciones de DACA siguen abiertas.');
    await expect.poll(() => encodingOf(op, 'es')).toBe('GSM-7');
    await es.pressSequentially(ES_TYPED.slice('Las renovaciones de DACA siguen abiertas.'.length));
    await expect.poll(() => encodingOf(op, 'es')).toBe('UCS-2');
    const esMeter = op.getByTestId('sms-meter-es');
    expect(await textOf(esMeter)).toContain('유니코드(UCS-2)');
    expect(await textOf(esMeter)).toMatch(/á\s+ó|ó\s+á/);
    await op.getByTestId('gsm-safe-es').click();
    await expect.poll(() => encodingOf(op, 'es')).toBe('GSM-7');
    expect(await es.inputValue()).toBe(ES_SENT);
    expect(await segmentsOf(op, 'es')).toBe('1');
    expect(await op.getByTestId('gsm-safe-es').count()).toBe(0);
    for (const lang of ['ko', 'en', 'es']) await expect.poll(() => op.getByTestId(`save-status-${lang}`).getAttribute('data-state'), SLOW).toBe('saved');

    // The live recipient count: all 40 Illinois subscribers; a ZIP narrows it as it is typed, clearing it widens it again.
    const count = op.getByTestId('recipient-count');
    await expect.poll(() => count.getAttribute('data-recipients'), SLOW).toBe(String(SUBSCRIBERS));
    const zips = op.getByRole('textbox', { name: /^우편번호/ });
    await zips.pressSequentially('60625');
    await expect.poll(async () => Number(await count.getAttribute('data-recipients')), SLOW).toBe(SUBSCRIBERS / 4);
    await zips.fill('');
    await expect.poll(() => count.getAttribute('data-recipients'), SLOW).toBe(String(SUBSCRIBERS));
    await expect.poll(() => textOf(op.getByTestId('audience-save-state')), SLOW).toBe('모든 변경 사항이 저장되었습니다');
    // Over the threshold of 5: a second person must approve, and the preview says so before anyone submits.
    expect(await textOf(op.getByTestId('audience-preview'))).toContain('다른 한 사람이 승인해야 합니다');
    expect(await seriousA11yViolations(op), 'compose page (ko)').toEqual([]);

    // Submit: the translations wait for review; the organizer cannot approve (no Approve for this role, and the API says no).
    await op.getByTestId('alert-submit').click();
    await expect.poll(() => statusOf(op), SLOW).toBe('in_review');
    for (const lang of ['ko', 'en', 'es']) await expect.poll(() => op.getByTestId(`translation-${lang}`).getAttribute('data-status'), SLOW).toBe('needs_review');
    expect(await op.getByTestId('alert-approve').count()).toBe(0);
    const inReview = (await api(op, 'GET', `/api/v1/alerts/${alertId}`)).body;
    expect((await api(op, 'POST', `/api/v1/alerts/${alertId}/approve`, { expectedVersion: inReview.version })).status).toBe(403);

    // ── The coordinator reviews the three translations and approves the alert. ──
    const coordinator = await signedInPage(env, COORDINATOR, { lang: 'ko' });
    const cp = coordinator.page;
    await cp.goto(`${env.haven.url}/alerts/${alertId}`);
    await expect.poll(() => statusOf(cp), SLOW).toBe('in_review');
    expect(await textOf(cp.getByTestId('sms-text-ko'))).toBe(KO);
    expect(await textOf(cp.getByTestId('sms-text-es'))).toBe(ES_SENT);
    // Not the author, but the translations come first: Approve is there, disabled, with the reason.
    await expect.poll(() => textOf(cp.getByTestId('approve-blocked')), SLOW).toBe('알림을 승인하려면 먼저 모든 번역을 승인해야 합니다.');
    expect(await cp.getByTestId('alert-approve').isDisabled()).toBe(true);
    for (const [lang, name] of [['ko', '한국어'], ['en', 'English'], ['es', 'Español']] as const) {
      await cp.getByRole('button', { name: `번역 승인: ${name}`, exact: true }).click();
      await expect.poll(() => cp.getByTestId(`translation-${lang}`).getAttribute('data-status'), SLOW).toBe('approved');
    }
    await expect.poll(() => cp.getByTestId('alert-approve').isEnabled(), SLOW).toBe(true);
    expect(await cp.getByTestId('approve-blocked').count()).toBe(0);
    await cp.getByTestId('alert-approve').click();
    await expect.poll(() => statusOf(cp), SLOW).toBe('approved');

    // ── Send now, after the confirmation; the page turns into the live progress. ──
    await cp.getByTestId('alert-send').click();
    const dialog = cp.getByRole('dialog');
    await expect.poll(() => textOf(dialog), SLOW).toContain(`약 ${SUBSCRIBERS}명에게 발송됩니다`);
    await dialog.getByRole('button', { name: '지금 발송' }).click();
    await expect.poll(() => statusOf(cp), SLOW).toBe('sending');
    await expect.poll(() => cp.getByTestId('progress-feed').getAttribute('data-feed'), SLOW).toBe('live');
    await expect.poll(() => stat(cp, 'total'), SLOW).toBe(SUBSCRIBERS);
    expect(await cp.getByRole('progressbar', { name: '발송 진행률' }).count()).toBe(1);
    // The first texts reach phones while the rest still wait for the paced sender.
    await expect.poll(async () => (await stat(cp, 'sent')) + (await stat(cp, 'delivered')), SENDING).toBeGreaterThanOrEqual(2);

    // ── 중지 in the middle of the send, from a Korean member whose text is still waiting. ──
    // The promise is about texts still waiting when the 중지 lands: one the sender has already claimed and
    // booked a slot for may still leave a moment later (as a carrier cannot take a text back). Such a text is
    // claimed for about a second at a time, so the member is taken from those still queued, and the 중지 counts
    // only if it took their text off the queue; if the sender got there first, another member tries.
    const tried: string[] = [];
    let stopped: string | null = null;
    while (!stopped && tried.length < 5) {
      let waiting: string | null = null;
      await expect.poll(async () => (waiting = await waitingKoreanSubscriber(alertId, tried)), SENDING).not.toBeNull();
      const phone = waiting!;
      tried.push(phone);
      await apiPost(cp, env.haven.url, '/api/v1/simulator/sms', { from: phone, to: HOTLINE, body: '중지' });
      const text = await alertTextTo(alertId, phone);
      if (text.status === 'canceled' && text.status_reason === 'opted_out') stopped = phone;
    }
    expect(stopped, `a 중지 took a waiting text off the queue (tried ${tried.join(', ')})`).not.toBeNull();
    const member = stopped!;
    // It really was during the send: others had theirs, this member not, and the alert was still going.
    expect(await received(cp, member)).not.toContain(KO);
    expect((await stat(cp, 'sent')) + (await stat(cp, 'delivered'))).toBeGreaterThanOrEqual(2);
    expect((await stat(cp, 'sent')) + (await stat(cp, 'delivered'))).toBeLessThan(SUBSCRIBERS);
    expect(await statusOf(cp)).toBe('sending');

    // ── The send finishes on its own; the figures fill in and go final. ──
    await expect.poll(() => statusOf(cp), SENDING).toBe('sent');
    await expect.poll(() => cp.getByTestId('progress-feed').getAttribute('data-feed'), SLOW).toBe('final');
    // Opted out: the member, and any other who tried and whose text was still claimable.
    await expect.poll(() => stat(cp, 'optedOut'), SLOW).toBeGreaterThanOrEqual(1);
    await expect.poll(() => stat(cp, 'delivered'), SLOW).toBeGreaterThan(0);
    expect((await stat(cp, 'sent')) + (await stat(cp, 'delivered')) + (await stat(cp, 'optedOut'))).toBe(SUBSCRIBERS);
    expect(await stat(cp, 'optedOut')).toBeLessThanOrEqual(tried.length);
    expect(await stat(cp, 'failed')).toBe(0);
    expect(await stat(cp, 'pending')).toBe(0);
    expect(await textOf(cp.getByTestId('time-to-finish'))).toContain('더 보낼 메시지가 없습니다.');

    // The member who texted 중지: the Korean confirmation, and not the alert.
    await expect.poll(() => received(cp, member), SLOW).toEqual([expect.stringContaining(OPT_OUT_REPLY)]);
    expect((await phoneMessages(cp, member)).map((m) => `${m.direction}:${m.body}`)).toEqual(['inbound:중지', expect.stringMatching(/^outbound:/)]);
    // Everyone else got it once, in their own language (Spanish as the GSM-safe text).
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const phone = subscriberPhone(i);
      if (tried.includes(phone)) {
        if (phone !== member) await expect.poll(() => received(cp, phone), SLOW).toContainEqual(expect.stringContaining(OPT_OUT_REPLY));
        continue;
      }
      const want = { ko: KO, en: EN, es: ES_SENT }[langOfSubscriber(i)];
      await expect.poll(() => received(cp, phone), SLOW).toEqual([want]);
    }

    // The progress page passes axe, and on a phone it neither breaks nor scrolls sideways.
    expect(await seriousA11yViolations(cp), 'progress page (ko)').toEqual([]);
    await cp.setViewportSize({ width: 375, height: 800 });
    await expectPhoneFriendly(cp, 'progress page at 375 px (ko)');

    await coordinator.context.close();
    await organizer.context.close();
  }, 420_000);
});

describe('the two-person rule (Korean UI)', () => {
  it("refuses the author's own approval in the API and says why on the page; another approver may", async () => {
    const coordinator = await signedInPage(env, COORDINATOR, { lang: 'ko' });
    const cp = coordinator.page;
    // The coordinator may approve alerts, and writes one to all 40 subscribers (over the threshold of 5).
    const created = await apiPost(cp, env.haven.url, '/api/v1/alerts', {
      title: '지역 설명회 (e2e)', topic: 'events', sourceLang: 'ko', version: { smsBody: '토요일 오전 10시에 DACA 설명회가 있습니다.' },
    });
    const reviewed = await apiPost(cp, env.haven.url, `/api/v1/alerts/${created.id}/versions/ko/review`, { status: 'approved', expectedVersion: created.version });
    const submitted = await apiPost(cp, env.haven.url, `/api/v1/alerts/${created.id}/submit`, { expectedVersion: reviewed.version });
    expect(submitted.approvalBlockedReason).toBe('two_person_rule');

    await cp.goto(`${env.haven.url}/alerts/${created.id}`);
    await expect.poll(() => statusOf(cp), SLOW).toBe('in_review');
    await expect.poll(() => textOf(cp.getByTestId('approve-blocked')), SLOW).toBe('이 알림은 직접 작성하셨으므로 다른 사람이 승인해야 합니다.');
    expect(await cp.getByTestId('alert-approve').isDisabled()).toBe(true);
    expect(await cp.getByTestId('alert-approve').getAttribute('aria-describedby')).toBe('approve-blocked');

    // Enforced in the API, not only by a disabled button.
    const self = await api(cp, 'POST', `/api/v1/alerts/${created.id}/approve`, { expectedVersion: submitted.version });
    expect(self.status, self.text).toBe(403);
    expect(self.body.error.code).toBe('self_approval');
    expect((await api(cp, 'GET', `/api/v1/alerts/${created.id}`)).body.status).toBe('in_review');

    // A second person approves the same alert.
    const admin = await signedInPage(env, ADMIN, { lang: 'ko' });
    const approved = await api(admin.page, 'POST', `/api/v1/alerts/${created.id}/approve`, { expectedVersion: submitted.version });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approvedBy.name).toContain('Grace Yoon');
    await admin.context.close();
    await coordinator.context.close();
  });
});
