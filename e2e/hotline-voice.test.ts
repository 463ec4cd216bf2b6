import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { callbackTasks, conversations, hotlineResponders, hotlineShiftOverrides } from '../server/modules/hotline/hotline.table.ts';
import { ringList } from '../server/modules/hotline/ivr.ts';
import { onCallResponders } from '../server/modules/hotline/on-call.ts';
import { organizations, users } from '../server/modules/organizations/organizations.table.ts';
import { newPage, type OpenPage, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * The hotline's voice line played on the simulator page by two phones at once: a community
 * member calls the Illinois hotline and picks Spanish; the on-call Spanish-speaking
 * responder's phone (a second browser page) rings, answers, hears the whisper, presses 1 and
 * is joined to the caller. Then nobody answers: every tier rings out and the caller leaves a
 * voicemail. Last, the public help form in Korean on a phone-sized screen.
 */
const env = useHavenAndBrowser();

const HOTLINE = '+13125550100';
const HOTLINE_SHOWN = '(312) 555-0100';
const IL_ORG = 'Prairie Korean Community Center';
const CALLER = '+17735550123';
const CALLER_SHOWN = '(773) 555-0123';
/** Pages load and the phones poll every second: give each step time (expect.poll's default is 1 s). */
const WAIT = { timeout: 10_000, interval: 100 };
/** Used when the demo has no Spanish speaker on call with a phone: María Hernández (responder.il) goes on call with this one. */
const FALLBACK_RESPONDER_PHONE = '+13125550181';

let responderPhone = FALLBACK_RESPONDER_PHONE;
let responderEmail = 'responder.il@demo.haven.local';
let ilOrgId = '';

const phoneShown = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The Spanish speaker whose phone rings: the demo's on-call one now (María Hernández by day,
 * Rosa Delgado by night, Chicago time), or María with a simulator phone if nobody is on.
 * Pinned for the next two hours — the chosen one on call, every other Spanish speaker off —
 * so a run that crosses a shift change (08:00 or 20:00 in Chicago) rings the same phone.
 */
beforeAll(async () => {
  const db = env.haven.deps.database.db;
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, IL_ORG));
  ilOrgId = org.id;
  const [primary] = ringList(await onCallResponders(db, ilOrgId, new Date()), 0, 'es');
  let chosen = primary?.userId;
  if (primary) {
    responderPhone = primary.phoneE164!;
    const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, primary.userId));
    responderEmail = u.email;
  } else {
    const [maria] = await db.select({ id: users.id }).from(users).where(eq(users.email, responderEmail));
    chosen = maria.id;
    await db
      .insert(hotlineResponders)
      .values({ orgId: ilOrgId, userId: maria.id, languages: ['es', 'en'], phoneE164: FALLBACK_RESPONDER_PHONE })
      .onConflictDoUpdate({ target: [hotlineResponders.orgId, hotlineResponders.userId], set: { languages: ['es', 'en'], phoneE164: FALLBACK_RESPONDER_PHONE, active: true } });
  }
  const span = { startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 7_200_000), note: 'e2e' };
  const others = (await db.select({ userId: hotlineResponders.userId, languages: hotlineResponders.languages }).from(hotlineResponders).where(eq(hotlineResponders.orgId, ilOrgId)))
    .filter((r) => r.userId !== chosen && r.languages.includes('es'));
  await db.insert(hotlineShiftOverrides).values([
    { orgId: ilOrgId, userId: chosen!, kind: 'on', role: 'primary', ...span },
    ...others.map((r) => ({ orgId: ilOrgId, userId: r.userId, kind: 'off' as const, role: 'primary' as const, ...span })),
  ]);
});

/** The member's phone (Korean UI): calls the Illinois hotline, picks Spanish, and lets the emergency question pass. */
async function callInSpanish(page: Page) {
  await page.getByRole('button', { name: `${HOTLINE}에 전화 걸기` }).click();
  const transcript = page.getByRole('list', { name: '통화 내용' });
  await expect.poll(() => textOf(transcript), WAIT).toContain('Para español, oprima 3.');
  await page.getByRole('group', { name: '키패드' }).getByRole('button', { name: '3', exact: true }).click();
  await page.getByRole('button', { name: '키 보내기' }).click();
  await expect.poll(() => textOf(transcript), WAIT).toContain('oprima 9');
  await page.getByRole('button', { name: '아무 말도 하지 않기' }).click();
  // Haven rings the Spanish speakers on call; the caller sees which phones ring.
  await expect.poll(() => textOf(transcript), WAIT).toContain('Le comunicamos con alguien que habla español.');
  await expect.poll(() => page.getByText(`벨 울리는 중: `, { exact: false }).isVisible(), WAIT).toBe(true);
  expect(await textOf(page.locator('.sim-call-state'))).toContain(phoneShown(responderPhone));
  return transcript;
}

describe('a Spanish call on the simulator: the responder’s phone rings, answers and is joined', () => {
  let member: OpenPage;
  let responder: OpenPage;

  /** Two people, two browsers: a coordinator plays the member's phone, the responder plays her own (opened in the first test: expect.poll runs only inside one). */
  async function openPhones() {
    member = await signedInPage(env, 'coordinator.il@demo.haven.local', { lang: 'ko' });
    responder = await signedInPage(env, responderEmail, { lang: 'es', width: 375 });
    await member.page.goto(`${env.haven.url}/simulator`);
    await member.page.getByLabel('내 전화번호 (회원 번호)').fill(CALLER);
    const havenNumber = member.page.getByLabel('Haven 번호');
    await expect.poll(() => havenNumber.locator(`option[value="${HOTLINE}"]`).count(), WAIT).toBe(1);
    await havenNumber.selectOption(HOTLINE);

    await responder.page.goto(`${env.haven.url}/simulator`);
    // The responder picks her own phone from the list of responders' phones she may see.
    const pick = responder.page.getByLabel('O use el teléfono de una persona de la línea');
    await expect.poll(() => pick.locator(`option[value="${responderPhone}"]`).count(), WAIT).toBe(1);
    await pick.selectOption(responderPhone);
    expect(await responder.page.getByLabel('Mi número de teléfono', { exact: false }).inputValue()).toBe(responderPhone);
  }

  it('rings the Spanish speaker (only the hotline number shows), whispers, joins on 1, and both sides see the call end', async () => {
    await openPhones();
    const { page } = member;
    const r = responder.page;
    const callerTranscript = await callInSpanish(page);

    // The responder's phone rings: a card from the hotline number, announced at once.
    const incoming = r.locator('section', { has: r.getByRole('heading', { name: 'Llamada entrante', exact: true }) });
    await expect.poll(() => incoming.isVisible(), WAIT).toBe(true);
    expect(await textOf(incoming)).toContain(`De ${HOTLINE_SHOWN} · línea de ${IL_ORG}`);
    expect(await textOf(incoming)).not.toContain(CALLER_SHOWN);
    expect(await r.locator('.sim-incoming-wrap [aria-live="assertive"]').textContent()).toBe(`Llamada entrante de ${HOTLINE_SHOWN}`);
    expect(await seriousA11yViolations(r)).toEqual([]);
    expect(await noSideScroll(r)).toBe(true);

    await incoming.getByRole('button', { name: 'Contestar' }).click();
    const answered = r.locator('section', { has: r.getByRole('heading', { name: `Llamada de ${HOTLINE_SHOWN}` }) });
    const legTranscript = answered.getByRole('list', { name: 'Lo que pasó en la llamada' });
    await expect.poll(() => textOf(legTranscript), WAIT).toContain('Llamada de la línea Haven en español. Oprima 1 para aceptar.');
    expect(await incoming.count()).toBe(0);
    await answered.getByRole('group', { name: 'Teclado' }).getByRole('button', { name: '1', exact: true }).click();
    await answered.getByRole('button', { name: 'Enviar teclas' }).click();

    // Joined: each side sees the other (the responder sees the caller only now), with a running timer.
    await expect.poll(() => answered.getByText(`Conectado con quien llama: ${CALLER_SHOWN}`).isVisible(), WAIT).toBe(true);
    expect(await textOf(legTranscript)).toContain('Conectando.');
    expect(await textOf(legTranscript)).toContain(`Conectado con ${CALLER_SHOWN}.`);
    await expect.poll(() => page.getByText(`${phoneShown(responderPhone)}와(과) 통화 중`).isVisible(), WAIT).toBe(true);
    expect(await textOf(callerTranscript)).toContain(`${phoneShown(responderPhone)}와(과) 연결되었습니다.`);
    expect(await textOf(page.locator('.sim-call-state .sim-timer time'))).toMatch(/^\d+:\d{2}$/);
    expect(await page.getByRole('button', { name: '아무도 받지 않음' }).count()).toBe(0);
    expect(await noSideScroll(r)).toBe(true);

    // The responder hangs up: her call completes, and so does the member's (Haven hangs up after the Dial).
    await answered.getByRole('button', { name: 'Colgar' }).click();
    await expect.poll(() => textOf(answered.locator('.badge')), WAIT).toBe('Completada');
    expect(await textOf(legTranscript)).toContain('Usted colgó.');
    await expect.poll(() => textOf(callerTranscript), WAIT).toContain('연결된 통화가 끝났습니다.');
    await expect.poll(() => textOf(callerTranscript), WAIT).toContain('Haven이 전화를 끊었습니다.');
    const callPanel = page.locator('section', { has: page.getByRole('heading', { name: '전화', exact: true }) });
    await expect.poll(() => textOf(callPanel.locator('.badge')), WAIT).toBe('완료');
    await answered.getByRole('button', { name: 'Cerrar' }).click();
    expect(await answered.count()).toBe(0);
  });

  it('nobody answers on any tier: the call ends in voicemail, a callback task, and completes', async () => {
    const { page } = member;
    const r = responder.page;
    const callerTranscript = await callInSpanish(page);
    const incoming = r.locator('section', { has: r.getByRole('heading', { name: 'Llamada entrante', exact: true }) });
    await expect.poll(() => incoming.isVisible(), WAIT).toBe(true);

    // Let every tier ring out (primaries, then backups and coordinators if any are on call).
    const ringOut = page.getByRole('button', { name: '아무도 받지 않음' });
    const message = page.getByLabel('내 메시지', { exact: true });
    const rungOut = async () => ((await textOf(callerTranscript)).match(/아무도 받지 않았습니다\./g) ?? []).length;
    for (let tier = 1; tier <= 3 && !(await message.isVisible()); tier++) {
      await ringOut.click();
      // Each tier that rang out says so once; then the next tier rings, or voicemail.
      await expect.poll(rungOut, WAIT).toBe(tier);
    }
    await expect.poll(() => message.isVisible(), WAIT).toBe(true);
    expect(await textOf(callerTranscript)).toContain('아무도 받지 않았습니다.');
    expect(await textOf(callerTranscript)).toContain('Nadie puede atender su llamada en este momento.');
    // The responder's phone stopped ringing.
    await expect.poll(() => incoming.count(), WAIT).toBe(0);

    await message.fill('Me llamo Ana. Mi hermano fue detenido esta mañana.');
    await page.getByRole('button', { name: '메시지 남기기' }).click();
    await expect.poll(() => textOf(callerTranscript), WAIT).toContain('Recibimos su mensaje y le llamaremos pronto. Adiós.');
    const callPanel = page.locator('section', { has: page.getByRole('heading', { name: '전화', exact: true }) });
    await expect.poll(() => textOf(callPanel.locator('.badge')), WAIT).toBe('완료');

    const tasks = await env.haven.deps.database.db
      .select()
      .from(callbackTasks)
      .where(and(eq(callbackTasks.orgId, ilOrgId), eq(callbackTasks.phoneE164, CALLER), eq(callbackTasks.reason, 'voicemail')));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ lang: 'es', emergency: false });
    await member.context.close();
    await responder.context.close();
  });
});

describe('the public help form (/p/help), Korean, on a phone', () => {
  it('needs no sign-in, switches to Korean, shows the translated phone error, then confirms in Korean', async () => {
    const { context, page } = await newPage(env, { lang: 'en', width: 375, height: 800 });
    await page.goto(`${env.haven.url}/p/help`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Ask for help' }).isVisible(), WAIT).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/p/help');
    expect(await page.getByText('Is someone being detained right now?').isVisible()).toBe(true);

    await page.getByLabel('Language', { exact: true }).selectOption('ko');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '도움 요청하기' }).isVisible(), WAIT).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.getByText('지금 누군가 체포되고 있나요?').isVisible()).toBe(true);
    // The answer's language follows the page until the person picks another.
    expect(await page.getByLabel('답변 언어', { exact: false }).inputValue()).toBe('ko');

    await page.getByLabel('성함', { exact: false }).fill('김민지');
    await page.getByLabel('전화번호', { exact: true }).fill('12');
    await page.getByLabel('어떤 도움이 필요하신가요?', { exact: false }).fill('DACA 갱신 때문에 상담을 받고 싶습니다.');
    await page.getByLabel('주 (선택)', { exact: true }).selectOption('IL');
    await page.getByLabel('전화로 연락해 주세요', { exact: false }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '보내기', exact: true }).click();

    // The server's message, in Korean, beside the phone field, which gets the focus.
    const phone = page.getByLabel('전화번호', { exact: true });
    await expect.poll(() => phone.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await page.locator('.field__error').first().textContent()).toContain('“12”은(는) 전화할 수 있는 번호가 아닙니다.');
    await expect.poll(() => phone.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);

    await phone.fill('(773) 555-0142');
    await page.getByRole('button', { name: '보내기', exact: true }).click();
    const done = page.getByRole('heading', { level: 2, name: '메시지를 받았습니다' });
    await expect.poll(() => done.isVisible(), WAIT).toBe(true);
    await expect.poll(() => done.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    const body = (await page.locator('.help-done').textContent()) ?? '';
    expect(body).toContain('(773) 555-0142(으)로 한국어로 연락드리겠습니다.');
    expect(body).toContain('전화를 요청하셨습니다');
    expect(body).toContain('지금 누군가 체포되고 있나요?');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);

    // It reached the Illinois hotline (the state chose the affiliate) as a Korean web conversation.
    const rows = await env.haven.deps.database.db
      .select({ channel: conversations.channel, lang: conversations.lang })
      .from(conversations)
      .where(and(eq(conversations.orgId, ilOrgId), eq(conversations.channel, 'web')));
    expect(rows).toEqual([{ channel: 'web', lang: 'ko' }]);
    await context.close();
  });
});
