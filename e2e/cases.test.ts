import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startHotlineWorkers } from '../server/modules/hotline/index.ts';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import { apiPost, expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * Cases, the way a Korean-speaking coordinator works them on a phone: a member nobody has
 * on record yet texts the Illinois hotline about a DACA renewal; the coordinator opens the
 * conversation, files it under DACA renewal, opens a case (giving the member's name when
 * asked), records the work permit's expiry and sees the 180/150/120-day reminders
 * scheduled, adds a task and finds it in the timeline. The case pages are checked with axe
 * and for sideways scrolling at 375 px in Korean and in Spanish; an attorney (English UI)
 * may write legal advice, and it is marked as such.
 */
const env = useHavenAndBrowser();

beforeAll(async () => {
  await startHotlineWorkers(env.haven.deps);
  await startSendWorkers(env.haven.deps);
});

const HOTLINE = '+13125550100';
/** A number no Illinois demo member has: the case asks for the name. */
const NEWCOMER_PHONE = '+13125550193';
const NEWCOMER_LABEL = '(312) 555-0193';
const TEXT = '안녕하세요, DACA 갱신 문의드립니다';
/** Daniel Cho (조대현): coordinator in Illinois, Korean UI, cases.write and hotline.respond. */
const COORDINATOR = 'coordinator.il@demo.haven.local';
/** Atty. Helen Park (박혜린): cases.legal_advice, English UI. */
const ATTORNEY = 'attorney.il@demo.haven.local';
const SLOW = { timeout: 20_000, interval: 200 };

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
/** The app's date format (web/src/lib/format.ts): date-only values in UTC. */
const shownDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const post = (page: Page, path: string, data: unknown) => apiPost(page, env.haven.url, path, data);

const allText = async (l: Locator) => (await l.allTextContents()).join('\n');


describe('cases (Korean UI, 375 px)', () => {
  it('opens a DACA renewal case from a text, schedules the reminders, and tracks a task', async () => {
    const { context, page } = await signedInPage(env, COORDINATOR, { lang: 'ko', width: 375, height: 800 });

    // A newcomer texts the Illinois hotline.
    await post(page, '/api/v1/simulator/sms', { from: NEWCOMER_PHONE, to: HOTLINE, body: TEXT });

    // The coordinator finds it among all open conversations and opens it.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '핫라인 받은편지함' }).click();
    await page.getByRole('navigation', { name: '담당별 대화' }).getByRole('link', { name: '전체' }).click();
    const row = page.getByTestId('inbox-row').filter({ hasText: NEWCOMER_LABEL });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    await row.getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: NEWCOMER_LABEL }).isVisible()).toBe(true);
    await expect.poll(() => textOf(page.getByRole('list', { name: '대화 내용' }).getByTestId('thread-inbound'))).toContain(TEXT);

    // Filed under DACA renewal: "Open a case" follows with the same type.
    const caseType = page.getByLabel('사건 종류', { exact: true });
    await page.getByLabel('분류', { exact: true }).selectOption('daca_renewal');
    await page.getByRole('button', { name: '분류 저장' }).click();
    await expect.poll(() => page.getByText('분류를 저장했습니다.').isVisible()).toBe(true);
    await expect.poll(() => caseType.inputValue()).toBe('daca_renewal');
    expect(await caseType.locator('option:checked').textContent()).toBe('DACA 갱신');

    // Nobody on record: the server asks for the name, and the panel asks the coordinator.
    await page.getByRole('button', { name: '사건 열기', exact: true }).click();
    await expect.poll(() => page.getByText('아직 등록되지 않은 분입니다.', { exact: false }).isVisible()).toBe(true);
    await expectPhoneFriendly(page, 'conversation asking for the name');
    await page.getByLabel('이름 (영문)').fill('Jisoo');
    await page.getByLabel('성 (영문)').fill('Park');
    await page.getByLabel('한글 이름 (선택)').fill('박지수');
    await page.getByRole('button', { name: '회원 등록하고 사건 열기' }).click();

    // The case: who and what.
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, SLOW);
    const caseUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '박지수 · Jisoo Park — DACA 갱신' }).isVisible(), SLOW).toBe(true);
    expect(await allText(page.getByTestId('timeline-event'))).toContain('사건을 열었습니다: DACA 갱신');

    // The DACA dates: the work permit expires in 200 days; last approved about two years before.
    const expires = isoDay(200);
    await page.getByLabel('노동허가(EAD) 만료일').fill(expires);
    await page.getByLabel('마지막 승인일 (선택)').fill(addDays(expires, -730));
    await page.getByRole('button', { name: 'DACA 날짜 저장' }).click();
    await expect.poll(() => page.getByText('DACA 날짜를 저장했습니다.').isVisible(), SLOW).toBe(true);

    // At once: the three reminders, 180/150/120 days before, with their dates, scheduled.
    const reminders = page.getByTestId('daca-reminder');
    await expect.poll(() => reminders.count()).toBe(3);
    const shown = await reminders.allTextContents();
    [180, 150, 120].forEach((days, i) => {
      expect(shown[i]).toContain(`만료 ${days}일 전`);
      expect(shown[i]).toContain(shownDate(addDays(expires, -days), 'ko-KR'));
      expect(shown[i]).toContain('예약됨');
    });
    const plan = await textOf(page.getByTestId('daca-plan'));
    expect(plan).toContain('아직 신청하기 이릅니다');
    expect(plan).toContain(`${shownDate(addDays(expires, -150), 'ko-KR')} ~ ${shownDate(addDays(expires, -120), 'ko-KR')}`);
    await expect.poll(() => allText(page.getByTestId('timeline-event'))).toContain(`DACA 날짜 기록: 노동허가 만료일 ${shownDate(expires, 'ko-KR')}`);

    // A task with a due date; the timeline says who added it.
    const task = 'EAD 사본과 I-797 통지서 받기';
    await page.getByLabel('할 일', { exact: true }).fill(task);
    await page.getByLabel('기한 (선택)').fill(isoDay(7));
    await page.getByRole('button', { name: '할 일 추가' }).click();
    await expect.poll(() => page.getByText('할 일을 추가했습니다.').isVisible(), SLOW).toBe(true);
    const taskItem = page.getByTestId('case-task').filter({ hasText: task });
    expect(await textOf(taskItem)).toContain(`기한 ${shownDate(isoDay(7), 'ko-KR')}`);
    const added = page.getByTestId('timeline-event').filter({ hasText: `할 일 추가: ${task}` });
    await expect.poll(() => added.count(), SLOW).toBe(1);
    expect(await textOf(added)).toContain('조대현');

    // A coordinator writes information only: no legal-advice choice.
    expect(await page.getByLabel('메모 종류').count()).toBe(0);
    await page.getByLabel('메모', { exact: true }).fill('갱신 서류 목록을 문자로 보내 드림');
    await page.getByRole('button', { name: '메모 추가' }).click();
    await expect.poll(() => textOf(page.getByTestId('case-note'))).toContain('안내');

    // Done: the task is marked, and so is the timeline.
    await taskItem.getByRole('button', { name: '완료' }).click();
    await expect.poll(() => allText(page.getByTestId('timeline-event')), SLOW).toContain(`할 일 완료: ${task}`);

    // The workflow offers only the moves that exist from "접수".
    const statusSelect = page.getByLabel('새 상태');
    expect(await statusSelect.locator('option').allTextContents()).toEqual(['상태를 선택하세요', '사전 심사', '진행 중', '의뢰함', '종결']);
    await statusSelect.selectOption('screening');
    await page.getByRole('button', { name: '상태 바꾸기' }).click();
    await expect.poll(() => allText(page.getByTestId('timeline-event')), SLOW).toContain('상태 변경: 접수 → 사전 심사');

    await expectPhoneFriendly(page, 'case (ko)');

    // The list, from the menu: the case with the person's name in Hangul and romanized.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '사건', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '사건' }).isVisible()).toBe(true);
    const caseLink = page.getByTestId('case-link').filter({ hasText: '박지수 · Jisoo Park' });
    await expect.poll(() => caseLink.count(), SLOW).toBe(1);
    // The box follows the URL (the filter is a link one can share): click, then wait for the URL and the box to agree.
    // (check() asserts the new state right after its click, before the router's navigation re-renders the box.)
    await page.getByLabel('내가 맡은 사건만 보기').click();
    await expect.poll(() => page.url()).toContain('mine=true');
    await expect.poll(() => page.getByLabel('내가 맡은 사건만 보기').isChecked()).toBe(true);
    await expect.poll(() => caseLink.count(), SLOW).toBe(1);
    await expectPhoneFriendly(page, 'case list (ko)');

    // In Spanish: the same pages, translated, still fine at 375 px.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.locator('header').getByLabel('언어', { exact: true }).selectOption('es');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Casos' }).isVisible()).toBe(true);
    await expectPhoneFriendly(page, 'case list (es)');
    await page.goto(caseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '박지수 · Jisoo Park — Renovación de DACA' }).isVisible(), SLOW).toBe(true);
    expect(await allText(page.getByTestId('daca-reminder'))).toContain('180 días antes del vencimiento');
    expect(await allText(page.getByTestId('daca-reminder'))).toContain('Programado');
    await expectPhoneFriendly(page, 'case (es)');
    await context.close();

    // An attorney may write legal advice, and it shows as such.
    const attorney = await signedInPage(env, ATTORNEY, { lang: 'en', width: 375, height: 800 });
    await attorney.page.goto(caseUrl);
    await attorney.page.getByLabel('Kind of note').selectOption('legal_advice');
    await attorney.page.getByLabel('Note', { exact: true }).fill('Eligible to renew; file in the window.');
    await attorney.page.getByRole('button', { name: 'Add note' }).click();
    const advice = attorney.page.getByTestId('case-note').filter({ hasText: 'Eligible to renew' });
    await expect.poll(() => textOf(advice), SLOW).toContain('Legal advice');
    expect(await advice.getAttribute('class')).toContain('case-note--legal');
    await attorney.context.close();
  });
});
