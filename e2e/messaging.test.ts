import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import { type Lang, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * Messaging journeys: a member's phone on the simulator texts and calls the Illinois
 * hotline; staff see the replies go out (queue), the numbers (settings) and the person's
 * history. The tests share one Haven and run in order: later ones read what earlier ones sent.
 */
const env = useHavenAndBrowser();

// The send workers drain the outbox, as the worker role does in `haven start`.
beforeAll(async () => {
  await startSendWorkers(env.haven.deps);
});

/** Minjun Kim (김민준), an Illinois demo member whose language on file is Korean. */
const MEMBER_PHONE = '+13125550101';
const HOTLINE = '+13125550100';
const IL_ORG = 'Prairie Korean Community Center';
/** Replies go out through the outbox and the workers: give them time. */
const SLOW = { timeout: 20_000, interval: 250 };

/** simulator:call.start / call.hangUp and messaging:senders.add, for the pages visited in every language. */
const CALL: Record<Lang, { start: string; hangUp: string }> = {
  ko: { start: `${HOTLINE}에 전화 걸기`, hangUp: '전화 끊기' },
  en: { start: `Call ${HOTLINE}`, hangUp: 'Hang up' },
  es: { start: `Llamar a ${HOTLINE}`, hangUp: 'Colgar' },
};
const ADD_NUMBER: Record<Lang, string> = { ko: '번호 추가', en: 'Add a number', es: 'Agregar un número' };


/** The value beside a term in a details list (<dt>term</dt><dd>value</dd>). */
const detail = (page: Page, term: string, scope: Page | Locator = page) =>
  scope.locator('.details__row').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');

async function memberId(page: Page) {
  const res = await page.request.get(`${env.haven.url}/api/v1/people?q=Minjun`);
  const items = (await res.json()).items as { id: string }[];
  expect(items.length).toBeGreaterThan(0);
  return items[0].id;
}

describe("a member's phone on the simulator (Korean UI)", () => {
  it('texts 중지 and 시작 to the Illinois hotline and gets the Korean replies, then calls, picks Korean, leaves a voicemail and is hung up on', async () => {
    const { context, page } = await signedInPage(env, 'admin.il@demo.haven.local', { lang: 'ko' });
    await page.goto(`${env.haven.url}/simulator`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '전화 시뮬레이터' }).isVisible()).toBe(true);

    await page.getByLabel('내 전화번호 (회원 번호)').fill(MEMBER_PHONE);
    const havenNumber = page.getByLabel('Haven 번호');
    await expect.poll(() => havenNumber.locator(`option[value="${HOTLINE}"]`).count()).toBe(1);
    await havenNumber.selectOption(HOTLINE);

    const thread = page.getByRole('list', { name: '대화' });
    await expect.poll(() => thread.getByText('아직 문자가 없습니다', { exact: false }).isVisible()).toBe(true);

    // Opt out in Korean: the reply comes back in Korean, from the hotline number.
    await page.getByLabel('문자 메시지', { exact: true }).fill('중지');
    await page.getByRole('button', { name: '문자 보내기' }).click();
    const mine = thread.getByRole('listitem').filter({ hasText: '나 ·' });
    await expect.poll(() => textOf(mine.filter({ hasText: '중지' }))).toContain('중지');
    const optOutReply = thread.getByRole('listitem').filter({ hasText: `${IL_ORG}: 수신 거부되었습니다.` });
    await expect.poll(() => optOutReply.count(), SLOW).toBe(1);
    expect(await textOf(optOutReply)).toContain(`Haven (${HOTLINE})`);

    // And back in: the opt-in confirmation, also in Korean.
    await page.getByLabel('문자 메시지', { exact: true }).fill('시작');
    await page.getByRole('button', { name: '문자 보내기' }).click();
    const optInReply = thread.getByRole('listitem').filter({ hasText: `${IL_ORG}: 다시 수신 동의되었습니다.` });
    await expect.poll(() => optInReply.count(), SLOW).toBe(1);
    // Both replies reach the phone: the simulator reports them delivered.
    await expect.poll(() => textOf(optInReply), SLOW).toContain('전달됨');
    expect(await textOf(optOutReply)).toContain('전달됨');
    expect(await textOf(mine.filter({ hasText: '중지' }))).toContain('받음');

    // The call: the language menu, 1 for Korean, the Korean welcome, a voicemail, goodbye.
    await page.getByRole('button', { name: `${HOTLINE}에 전화 걸기` }).click();
    const transcript = page.getByRole('list', { name: '통화 내용' });
    await expect.poll(() => textOf(transcript)).toContain('한국어는 1번을 누르세요.');
    const keypad = page.getByRole('group', { name: '키패드' });
    await keypad.getByRole('button', { name: '1', exact: true }).click();
    await expect.poll(() => page.getByText('입력한 키: 1').isVisible()).toBe(true);
    await page.getByRole('button', { name: '키 보내기' }).click();
    await expect.poll(() => textOf(transcript)).toContain('1을(를) 눌렀습니다');
    await expect.poll(() => textOf(transcript)).toContain(`${IL_ORG}에 전화해 주셔서 감사합니다.`);
    // The Korean prompt is marked as Korean, so a screen reader reads it as Korean.
    expect(await transcript.locator('[lang="ko-KR"]', { hasText: '전화해 주셔서 감사합니다' }).count()).toBe(1);
    // Nobody detained: hold. The demo's on-call responders are rung tier by tier and nobody picks up,
    // so the call ends in voicemail (e2e/hotline-voice.test.ts answers one).
    await page.getByRole('button', { name: '아무 말도 하지 않기' }).click();
    const ringOut = page.getByRole('button', { name: '아무도 받지 않음' });
    const rungOut = async () => (await textOf(transcript)).split('아무도 받지 않았습니다').length - 1;
    for (let tier = 0; tier < 3; tier++) {
      await expect.poll(async () => (await ringOut.isVisible()) || (await page.getByLabel('내 메시지', { exact: true }).isVisible())).toBe(true);
      if (!(await ringOut.isVisible())) break;
      await ringOut.click();
      await expect.poll(rungOut).toBe(tier + 1);
    }

    const message = page.getByLabel('내 메시지', { exact: true });
    await expect.poll(() => message.isVisible()).toBe(true);
    await message.fill('김민준입니다. DACA 갱신 때문에 전화했습니다.');
    await page.getByRole('button', { name: '메시지 남기기' }).click();
    await expect.poll(() => textOf(transcript)).toContain('김민준입니다. DACA 갱신 때문에 전화했습니다.');
    await expect.poll(() => textOf(transcript)).toContain('메시지를 받았습니다. 곧 연락드리겠습니다.');
    await expect.poll(() => textOf(transcript)).toContain('Haven이 전화를 끊었습니다.');
    // The call is over: no keypad, no hang-up button, and a new call can be placed.
    await expect.poll(() => page.getByRole('button', { name: `${HOTLINE}에 전화 걸기` }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '전화 끊기' }).count()).toBe(0);
    expect(await keypad.count()).toBe(0);
    const callPanel = page.locator('section', { has: page.getByRole('heading', { name: '전화', exact: true }) });
    await expect.poll(() => textOf(callPanel.locator('.badge'))).toBe('완료');
    await context.close();
  });
});

describe('the message queue and the cost tool (Spanish UI)', () => {
  it('shows the replies just sent from the hotline number, its pace, and segments and encoding that follow the text', async () => {
    const { context, page } = await signedInPage(env, 'admin.il@demo.haven.local', { lang: 'es' });
    await page.goto(`${env.haven.url}/messaging/queue`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Cola de mensajes' }).isVisible()).toBe(true);

    // The two consent replies went out from the hotline less than a minute ago.
    const perSender = page.getByRole('table', { name: 'Por número de envío' });
    const hotline = perSender.getByRole('row').filter({ hasText: '(312) 555-0100' });
    await expect.poll(() => textOf(hotline)).toContain('Hotline');
    expect(await textOf(hotline)).toContain('10 por segundo');
    await expect.poll(() => textOf(hotline)).toMatch(/2 mensajes, \d+ segmentos/);
    const totals = page.locator('section', { has: page.getByRole('heading', { name: 'Todos los números' }) });
    expect(await textOf(detail(page, 'En espera', totals))).toBe('0');

    // Plain ASCII: GSM-7, one segment; a second segment at 161 characters.
    const body = page.getByLabel('Mensaje', { exact: true });
    await body.fill('Reunion comunitaria el sabado a las 10.');
    await expect.poll(() => textOf(detail(page, 'Codificación'))).toBe('GSM-7');
    expect(await textOf(detail(page, 'Segmentos'))).toBe('1');
    await body.fill('a'.repeat(161));
    await expect.poll(() => textOf(detail(page, 'Segmentos'))).toBe('2');
    expect(await textOf(detail(page, 'Codificación'))).toBe('GSM-7');

    // One Hangul syllable makes the text UCS-2: 70 characters per segment, and the tool names the culprit.
    await body.fill('회의는 토요일 10시입니다.');
    await expect.poll(() => textOf(detail(page, 'Codificación'))).toBe('UCS-2');
    expect(await textOf(detail(page, 'Segmentos'))).toBe('1');
    await body.fill('가'.repeat(71));
    await expect.poll(() => textOf(detail(page, 'Segmentos'))).toBe('2');
    expect(await page.getByText('Estos caracteres convierten todo el mensaje a UCS-2', { exact: false }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('messaging settings (Spanish UI, affiliate admin)', () => {
  it('shows the simulator as provider and the demo hotline number, and adds a second number with its pace', async () => {
    const { context, page } = await signedInPage(env, 'admin.il@demo.haven.local', { lang: 'es' });
    await page.goto(`${env.haven.url}/org/messaging`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Configuración de mensajería' }).isVisible()).toBe(true);

    const provider = page.getByLabel('Proveedor', { exact: true });
    await expect.poll(() => provider.inputValue()).toBe('simulator');
    expect(await provider.locator('option:checked').textContent()).toBe('Simulador (práctica)');

    const senders = page.getByRole('table', { name: 'Números de envío' });
    const hotline = senders.getByRole('row').filter({ hasText: 'Hotline' });
    await expect.poll(() => textOf(hotline)).toContain('(312) 555-0100');
    expect(await textOf(hotline)).toContain('Predeterminado');
    expect(await textOf(hotline)).toContain('10 por segundo');

    await page.getByRole('button', { name: 'Agregar un número' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Alertas');
    await page.getByLabel('Número de teléfono', { exact: true }).fill('312-555-0142');
    // A decimal comma, as typed on a Spanish keyboard; shown back as es-US writes it.
    await page.getByLabel('Segmentos por segundo', { exact: true }).fill('2,5');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nuevo número de envío' }) });
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.getByText('«Alertas» guardado.').isVisible()).toBe(true);
    const added = senders.getByRole('row').filter({ hasText: 'Alertas' });
    await expect.poll(() => textOf(added)).toContain('(312) 555-0142');
    expect(await textOf(added)).toContain('2.5 por segundo');
    expect(await textOf(added)).not.toContain('Predeterminado');
    expect(await textOf(hotline)).toContain('Predeterminado');

    // The server holds it as typed: E.164, 2.5 segments a second, not the default.
    const list = (await (await page.request.get(`${env.haven.url}/api/v1/messaging/senders`)).json()).items as {
      label: string; phone: string | null; segmentsPerSecond: number | null; isDefault: boolean;
    }[];
    expect(list.find((s) => s.label === 'Alertas')).toMatchObject({ phone: '+13125550142', segmentsPerSecond: 2.5, isDefault: false });
    await context.close();
  });
});

describe("the member's history (Korean UI)", () => {
  it("lists the texts and the call from the simulator on Minjun Kim's record, each with its delivery status", async () => {
    const { context, page } = await signedInPage(env, 'admin.il@demo.haven.local', { lang: 'ko' });
    const id = await memberId(page);
    await page.goto(`${env.haven.url}/people/${id}`);
    const history = page.getByRole('table', { name: '문자와 통화' });
    await expect.poll(() => history.isVisible()).toBe(true);
    const row = (body: string | RegExp) => history.getByRole('row').filter({ has: page.getByRole('cell', { name: body, exact: true }) });

    // What the member sent: received. What Haven answered: delivered. The call: completed.
    await expect.poll(() => textOf(row('중지'))).toContain('받음 · 문자');
    expect(await textOf(row('시작'))).toContain('받음 · 문자');
    expect(await textOf(row(new RegExp(`^${IL_ORG}: 수신 거부되었습니다\\.`)))).toMatch(/보냄 · 문자.*전달됨/);
    expect(await textOf(row(new RegExp(`^${IL_ORG}: 다시 수신 동의되었습니다\\.`)))).toMatch(/보냄 · 문자.*전달됨/);
    expect(await textOf(row('(통화)'))).toMatch(/받음 · 통화.*완료/);
    expect(await history.getByRole('row').count()).toBe(1 + 5);

    // The two keywords are also the consent ledger's proof (newest first): out, then in again, by keyword reply.
    const ledger = page.getByRole('table', { name: '수신 동의 이력' });
    const byKeyword = ledger.getByRole('row').filter({ hasText: '키워드 문자 회신' });
    await expect.poll(() => byKeyword.count()).toBe(2);
    expect(await byKeyword.nth(0).textContent()).toContain('수신 동의');
    expect(await byKeyword.nth(1).textContent()).toContain('수신 거부');
    await context.close();
  });
});

describe('accessibility and phones', () => {
  it('has no serious or critical axe violations and no sideways scrolling at 375 px on the messaging pages, in all three languages', async () => {
    for (const lang of ['ko', 'en', 'es'] as const) {
      const { context, page } = await signedInPage(env, 'admin.il@demo.haven.local', { lang, width: 375 });
      // The simulator with the member's thread and a live call on screen, not just the empty page.
      await page.evaluate((p) => localStorage.setItem('haven.simulator.phone', p), MEMBER_PHONE);
      const id = await memberId(page);
      for (const path of ['/simulator', '/org/messaging', '/messaging/queue', `/people/${id}`]) {
        await page.goto(`${env.haven.url}${path}`);
        await page.waitForSelector('main h1');
        if (path === '/simulator') {
          await page.locator('select', { has: page.locator(`option[value="${HOTLINE}"]`) }).selectOption(HOTLINE);
          await page.waitForSelector('.sim-bubble');
          // A call in progress too: its transcript and the keypad (hung up after the checks).
          await page.getByRole('button', { name: CALL[lang].start }).click();
          await page.waitForSelector('.sim-keypad');
        }
        if (path === '/messaging/queue') {
          await page.locator('textarea').fill('회의는 토요일 10시입니다. Meeting on Saturday.');
          await page.waitForSelector('mark');
        }
        if (path === '/org/messaging') {
          await page.waitForSelector('table');
          // The add form open as well.
          await page.getByRole('button', { name: ADD_NUMBER[lang] }).click();
          await page.waitForSelector('form h3');
        }
        if (path.startsWith('/people/')) await page.waitForSelector('td');
        await page.waitForLoadState('networkidle');
        expect(await seriousA11yViolations(page), `${lang} ${path}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${lang} ${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
        if (path === '/simulator') await page.getByRole('button', { name: CALL[lang].hangUp }).click();
      }
      await context.close();
    }
  });
});
