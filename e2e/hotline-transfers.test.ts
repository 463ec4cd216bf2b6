import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startHotlineWorkers } from '../server/modules/hotline/index.ts';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import { apiPost, expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * Overflow between affiliates, in the browser: the Illinois coordinator offers an open
 * Illinois conversation to the Virginia affiliate; a Korean-speaking Virginia volunteer
 * sees the offer arrive in their inbox by itself, takes it, answers in Korean (the member's
 * phone gets it from the Illinois number), and gives it back. Both on 375 px phones; the
 * coordinator's UI in English, the volunteer's in Korean.
 */
const env = useHavenAndBrowser();

beforeAll(async () => {
  await startHotlineWorkers(env.haven.deps);
  await startSendWorkers(env.haven.deps);
});

const IL_HOTLINE = '+13125550100';
/** Minjun Kim (김민준), an Illinois demo member. */
const MEMBER_PHONE = '+13125550101';
const TEXT = '안녕하세요, 가족 문제로 상담받고 싶어요';
const REPLY = '안녕하세요, 버지니아 지부에서 바로 도와드리겠습니다.';
const COORDINATOR = 'coordinator.il@demo.haven.local';
/** Jiwoo Han (한지우), a Korean-speaking volunteer in Virginia (holds hotline.respond). */
const VA_VOLUNTEER = 'volunteer.va@demo.haven.local';
const IL_NAME = 'Prairie Korean Community Center';
const FOLLOW_UP = '감사합니다. 변호사 상담도 가능할까요?';
const VA_NAME = 'Potomac Family Justice Center';
const SLOW = { timeout: 20_000, interval: 200 };

const post = (page: Page, path: string, data: unknown) => apiPost(page, env.haven.url, path, data);



describe('an audited transfer between affiliates (375 px)', () => {
  it('Illinois offers a conversation, a Virginia volunteer takes it live, answers in Korean from the Illinois number, and gives it back', async () => {
    const coord = await signedInPage(env, COORDINATOR, { lang: 'en', width: 375, height: 800 });
    const vol = await signedInPage(env, VA_VOLUNTEER, { lang: 'ko', width: 375, height: 800 });

    // The Virginia volunteer's inbox is open and live, with nothing offered yet.
    await vol.page.goto(`${env.haven.url}/hotline`);
    await expect.poll(() => vol.page.getByRole('heading', { level: 1, name: '핫라인 받은편지함' }).isVisible()).toBe(true);
    await expect.poll(() => textOf(vol.page.getByTestId('stream-status')), SLOW).toContain('실시간:');
    expect(await vol.page.getByTestId('transfer-incoming').count()).toBe(0);
    await vol.page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

    // A member texts the Illinois hotline; the coordinator finds it in the Illinois inbox.
    await post(coord.page, '/api/v1/simulator/sms', { from: MEMBER_PHONE, to: IL_HOTLINE, body: TEXT });
    await coord.page.goto(`${env.haven.url}/hotline`);
    const row = coord.page.getByTestId('inbox-row').filter({ hasText: /Minjun|김민준/ });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    await row.getByRole('link').click();
    await expect.poll(() => textOf(coord.page.getByTestId('thread-inbound')), SLOW).toContain(TEXT);

    // Offer it to Virginia, with a reason, confirmed in a dialog.
    const offerForm = coord.page.getByRole('form', { name: 'Offer to another affiliate' });
    await offerForm.getByLabel('Affiliate', { exact: true }).selectOption({ label: `${VA_NAME} (VA)` });
    await offerForm.getByLabel('Why (optional)', { exact: true }).fill('Korean speaker needed tonight');
    await offerForm.getByRole('button', { name: 'Offer…' }).click();
    const dialog = coord.page.getByRole('dialog', { name: `Offer this conversation to ${VA_NAME}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Offer it' }).click();
    const outgoing = coord.page.getByTestId('transfer-outgoing');
    await expect.poll(() => textOf(outgoing), SLOW).toContain(`Offered to ${VA_NAME}`);
    expect(await coord.page.getByRole('button', { name: 'Withdraw the offer' }).isVisible()).toBe(true);
    await expectPhoneFriendly(coord.page, 'conversation with an open offer');

    // Virginia sees it arrive without reloading: Korean, who offers it, why, how long it waited; nothing about the person.
    const offer = vol.page.getByTestId('transfer-incoming');
    await expect.poll(() => offer.count(), SLOW).toBe(1);
    expect(await vol.page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    const offerText = await textOf(offer);
    expect(offerText).toContain(IL_NAME);
    expect(offerText).toContain('Korean speaker needed tonight');
    expect(offerText).toContain('한국어');
    expect(offerText).toContain('문자');
    expect(offerText).toContain('기다리는 중');
    expect(offerText).not.toContain('Minjun');
    expect(offerText).not.toContain(TEXT);
    expect(await vol.page.getByRole('heading', { level: 2, name: '다른 지부에서 넘어온 대화' }).isVisible()).toBe(true);
    await expectPhoneFriendly(vol.page, 'inbox with an offer');

    // Take it: straight into the conversation, as Illinois's guest.
    await offer.getByRole('button', { name: '맡기' }).click();
    await expect.poll(() => vol.page.url(), SLOW).toMatch(/\/hotline\/transfers\/[0-9a-f-]{36}$/);
    await expect.poll(() => textOf(vol.page.locator('.transfer-banner')), SLOW).toContain(`${IL_NAME}의 이 대화를 돕고 있습니다`);
    expect(await textOf(vol.page.getByTestId('transfer-banner'))).toContain('기록됩니다');
    const thread = vol.page.getByRole('list', { name: '대화 내용' });
    await expect.poll(() => textOf(thread.getByTestId('thread-inbound'))).toContain(TEXT);

    // The Illinois coordinator sees who took it, live.
    await expect.poll(() => textOf(outgoing), SLOW).toContain(`Taken by Jiwoo Han`);

    // Reply in Korean; it leaves from the Illinois number and reaches the member's phone.
    await vol.page.getByLabel('답장 (문자 메시지)', { exact: true }).fill(REPLY);
    await vol.page.getByRole('button', { name: '문자 보내기' }).click();
    await expect.poll(() => vol.page.getByText('보냈습니다.', { exact: false }).isVisible(), SLOW).toBe(true);
    await expect.poll(() => textOf(thread.getByTestId('thread-outbound').filter({ hasText: REPLY })), SLOW).toContain(REPLY);
    await expect
      .poll(async () => {
        const res = await vol.page.request.get(`${env.haven.url}/api/v1/simulator/phones/${encodeURIComponent(MEMBER_PHONE)}/messages`);
        const items = (await res.json()).items as { direction: string; from: string; body: string }[];
        return items.find((m) => m.direction === 'outbound' && m.body === REPLY) ?? null;
      }, SLOW)
      .toMatchObject({ from: IL_HOTLINE });
    await expectPhoneFriendly(vol.page, 'a taken conversation');

    // The member writes again: it appears on the taker's page by itself (the transfer's live feed; no timer, no refresh button).
    await post(coord.page, '/api/v1/simulator/sms', { from: MEMBER_PHONE, to: IL_HOTLINE, body: FOLLOW_UP });
    await expect.poll(() => textOf(thread.getByTestId('thread-inbound').filter({ hasText: FOLLOW_UP })), { timeout: 10_000, interval: 200 }).toContain(FOLLOW_UP);

    // Give it back (confirmed): back in the inbox, the offer gone; Illinois has it to itself again.
    await vol.page.getByRole('button', { name: '돌려주기', exact: true }).click();
    await vol.page.getByRole('button', { name: '네, 돌려주기' }).click();
    await expect.poll(() => new URL(vol.page.url()).pathname, SLOW).toBe('/hotline');
    await expect.poll(() => vol.page.getByText(`${IL_NAME}에 돌려주었습니다.`).isVisible()).toBe(true);
    await expect.poll(() => vol.page.getByTestId('transfer-incoming').count(), SLOW).toBe(0);
    await expect.poll(() => outgoing.count(), SLOW).toBe(0);
    expect(await textOf(coord.page.locator('.transfer-offer'))).toContain('Offer this conversation to another affiliate');

    await coord.context.close();
    await vol.context.close();
  }, 90_000);
});
