import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANNED } from '../server/demo/demo-hotline.ts';
import { startHotlineWorkers } from '../server/modules/hotline/index.ts';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import { apiPost, expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * The hotline inbox, the way a Korean-speaking responder on call works it on a phone: a
 * member texts the Illinois hotline, the text shows up in the inbox by itself, the
 * responder opens it, inserts a Korean canned response, sends it, and the member's phone
 * receives it. The checks for accessibility and 375 px run on the pages as the journey
 * leaves them (a live row in the list, a thread with both sides in the conversation).
 */
const env = useHavenAndBrowser();

// What the worker role runs in `haven start`: texts into conversations, and the outbox.
beforeAll(async () => {
  await startHotlineWorkers(env.haven.deps);
  await startSendWorkers(env.haven.deps);
});

const HOTLINE = '+13125550100';
/** Seoyeon Lee (이서연), an Illinois demo member whose language on file is Korean. */
const MEMBER_PHONE = '+13125550102';
const TEXT = '안녕하세요, DACA 갱신 문의드립니다';
/**
 * The Korean speaker on call in Illinois right now (demo shifts, Chicago time): Jiwoo Han
 * (한지우) by day, Minji Kwon (권민지) by night. Routing gives them the text; both use the
 * Korean UI.
 */
const chicagoHour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
const RESPONDER = chicagoHour >= 8 && chicagoHour < 20 ? 'volunteer.il@demo.haven.local' : 'volunteer.ko.il@demo.haven.local';
/** A demo canned response (demo-hotline.ts); its Korean text is what must reach the phone. */
const CANNED = DEMO_CANNED.find((c) => c.category === 'daca_renewal')!;
/** Messages travel through the intake job, the outbox and the simulator's callbacks. */
const SLOW = { timeout: 20_000, interval: 200 };

/** A change through the API as the page's user (CSRF token from the session). */
const post = (page: Page, path: string, data: unknown) => apiPost(page, env.haven.url, path, data);



describe('the hotline inbox (Korean UI, 375 px)', () => {
  it('shows a Korean text as it arrives, and the Korean canned reply sent from it reaches the phone', async () => {
    const { context, page } = await signedInPage(env, RESPONDER, { lang: 'ko', width: 375, height: 800 });

    // The inbox, from the menu (folded on a phone): my conversations in Korean, live and so far empty.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '핫라인 받은편지함' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '핫라인 받은편지함' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: '담당별 대화' }).getByRole('link', { name: '내 대화' }).click();
    await expect.poll(() => page.url()).toContain('assigned=me');
    await page.getByText('필터', { exact: true }).click();
    await page.getByRole('form', { name: '필터' }).getByLabel('언어', { exact: true }).selectOption('ko');
    await expect.poll(() => page.url()).toContain('lang=ko');
    await expect.poll(() => textOf(page.getByTestId('stream-status')), SLOW).toContain('실시간:');
    await expect.poll(() => page.getByText('지금 나에게 배정된 대화가 없습니다', { exact: false }).isVisible()).toBe(true);
    // Marks this page load: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

    // The member texts the Illinois hotline from the simulated phone.
    await post(page, '/api/v1/simulator/sms', { from: MEMBER_PHONE, to: HOTLINE, body: TEXT });

    // It appears without reloading, routed to me: the member's name, Korean, routine, a text, waiting.
    const row = page.getByTestId('inbox-row').filter({ hasText: '이서연' });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    const rowText = await textOf(row);
    expect(rowText).toContain('한국어');
    expect(rowText).toContain('일반');
    expect(rowText).toContain('문자');
    expect(rowText).toMatch(/방금 들어옴|대기 중/);
    expect(rowText).toContain('내가 담당');
    await expectPhoneFriendly(page, 'inbox list');

    // Open it: the member's text, the person's card, the reply box.
    await row.getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /이서연/ }).isVisible()).toBe(true);
    const thread = page.getByRole('list', { name: '대화 내용' });
    await expect.poll(() => textOf(thread.getByTestId('thread-inbound'))).toContain(TEXT);
    expect(await textOf(page.getByTestId('first-response'))).toContain('아직 답변 없음');
    const person = page.locator('section', { has: page.getByRole('heading', { name: '인적 사항' }) });
    expect(await textOf(person)).toContain('(312) 555-0102');

    // A Korean canned response, inserted in the conversation's language, and sent.
    await page.getByLabel('자주 쓰는 답변', { exact: true }).selectOption({ label: `${CANNED.title} · DACA 갱신` });
    await page.getByRole('button', { name: '넣기 (한국어)' }).click();
    const reply = page.getByLabel('답장 (문자 메시지)', { exact: true });
    await expect.poll(() => reply.inputValue()).toBe(CANNED.bodies.ko);
    expect(await textOf(page.locator('#reply-counter'))).toContain('UCS-2');
    await page.getByRole('button', { name: '문자 보내기' }).click();
    await expect.poll(() => page.getByText('보냈습니다.', { exact: false }).isVisible(), SLOW).toBe(true);
    expect(await reply.inputValue()).toBe('');

    // The reply in the thread, delivered; the first response time is measured.
    const sent = thread.getByTestId('thread-outbound').filter({ hasText: CANNED.bodies.ko });
    await expect.poll(() => textOf(sent), SLOW).toContain('전달됨');
    expect(await textOf(sent)).toContain('나 ·');
    await expect.poll(() => textOf(page.getByTestId('first-response'))).toContain('첫 답변까지');
    expect(await textOf(page.locator('.conv-facts'))).toContain('내가 담당');

    // And on the member's phone: from the hotline number, delivered.
    await expect
      .poll(async () => {
        const res = await page.request.get(`${env.haven.url}/api/v1/simulator/phones/${encodeURIComponent(MEMBER_PHONE)}/messages`);
        const items = (await res.json()).items as { direction: string; from: string; body: string; status: string }[];
        return items.find((m) => m.direction === 'outbound' && m.body === CANNED.bodies.ko) ?? null;
      }, SLOW)
      .toMatchObject({ from: HOTLINE, status: 'delivered' });

    await expectPhoneFriendly(page, 'conversation');

    // The canned text follows the conversation's language, not the page's: in the English UI it is still Korean.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.locator('header').getByLabel('언어', { exact: true }).selectOption('en');
    await page.getByLabel('Canned response', { exact: true }).selectOption({ label: `${CANNED.title} · DACA renewal` });
    await page.getByRole('button', { name: 'Insert (한국어)' }).click();
    await expect.poll(() => page.getByLabel('Your reply (text message)', { exact: true }).inputValue()).toBe(CANNED.bodies.ko);
    await context.close();
  });
});
