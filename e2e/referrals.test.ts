import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiPost, expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * A referral from a case to the attorney portal and back, in Virginia (where the demo's
 * portal attorney practises): the coordinator opens a DACA renewal case for a Korean-speaking
 * member, finds the Korean-speaking Virginia attorney suggested first, and sends the
 * referral with a short summary. The attorney (Korean UI, on a phone) sees the member's name
 * and nothing else until she confirms there is no conflict; then the details, accept, and the
 * consultation. The coordinator finds each step in the case's timeline. A second referral of
 * the same member shows up in her conflict check as a strong match. Walls: the attorney
 * cannot open any case, her portal shows nothing of another affiliate, and Illinois cannot
 * see the Virginia case. Portal pages pass axe at 375 px without sideways scrolling.
 */
const env = useHavenAndBrowser();

/** Daniel Cho (조대현): coordinator in Virginia, Korean UI, cases.write. */
const COORDINATOR_VA = 'coordinator.va@demo.haven.local';
const COORDINATOR_IL = 'coordinator.il@demo.haven.local';
/** Jiyeon Kim (김지연): Korean-speaking attorney in Virginia, a portal user with no membership. */
const ATTORNEY = 'attorney.kim@demo.haven.local';
/** A demo member of every affiliate: 김민준 · Minjun Kim, (703) 555-0101 in Virginia, DACA. */
const MEMBER = '김민준 · Minjun Kim';
const MEMBER_PHONE = '555-0101';
const SUMMARY = 'DACA 갱신 서류 검토와 상담이 필요합니다. 만료 2027년 3월.';
const SLOW = { timeout: 20_000, interval: 200 };

const post = (page: Page, path: string, data: unknown) => apiPost(page, env.haven.url, path, data);
async function get(page: Page, path: string) {
  return page.request.get(`${env.haven.url}${path}`);
}
/** Opens a case for the demo member named `q` in the signed-in coordinator's affiliate. */
async function openCase(page: Page, q: string, type: string): Promise<string> {
  const people = await (await get(page, `/api/v1/people?q=${encodeURIComponent(q)}`)).json();
  const person = people.items[0];
  expect(person, `person ${q}`).toBeTruthy();
  return (await post(page, '/api/v1/cases', { personId: person.id, type })).id;
}

const bodyText = (page: Page) => page.locator('body').innerText();


/** A datetime-local value a week from now at 10:00, in the browser's zone. */
function nextWeekAtTen() {
  const d = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

describe('referrals and the attorney portal (Korean UI, 375 px)', () => {
  it('refers a Virginia case to the Korean-speaking attorney, who clears the conflict check, accepts and schedules', async () => {
    // ── The Virginia coordinator opens a DACA renewal case and refers it. ──
    const coordinator = await signedInPage(env, COORDINATOR_VA, { lang: 'ko', width: 375, height: 800 });
    const cp = coordinator.page;
    const caseId = await openCase(cp, 'Minjun Kim', 'daca_renewal');
    await cp.goto(`${env.haven.url}/cases/${caseId}`);
    await expect.poll(() => cp.getByRole('heading', { level: 2, name: '의뢰', exact: true }).isVisible(), SLOW).toBe(true);

    // The Korean-speaking Virginia attorney comes first, with her reasons in words; out-of-state providers are not offered.
    const suggestions = cp.getByTestId('referral-suggestion');
    await expect.poll(() => suggestions.count(), SLOW).toBeGreaterThan(0);
    const first = await textOf(suggestions);
    expect(first).toContain('Jiyeon Kim (김지연)');
    expect(first).toContain('회원의 언어를 씀');
    expect(first).toContain('변호사');
    expect(first).toContain('VA');
    expect(await suggestions.filter({ hasText: 'Adriana Castillo' }).count()).toBe(0);
    expect(await cp.getByTestId('referral-left-out').filter({ hasText: 'Adriana Castillo' }).count()).toBe(1);
    expect(await textOf(cp.getByText('이름이나 식별 정보', { exact: false }))).toContain('이름이나 식별 정보');
    await expectPhoneFriendly(cp, 'case with referrals panel (ko)');

    await cp.getByRole('radio', { name: /Jiyeon Kim/ }).check();
    await cp.getByLabel('전문가에게 보낼 요약 (선택)').fill(SUMMARY);
    await cp.getByRole('button', { name: '의뢰 보내기' }).click();
    await expect.poll(() => cp.getByText('Jiyeon Kim (김지연)에게 의뢰를 보냈습니다.').isVisible(), SLOW).toBe(true);
    const referralRow = cp.getByTestId('case-referral').filter({ hasText: 'Jiyeon Kim' });
    await expect.poll(() => referralRow.getAttribute('data-status'), SLOW).toBe('sent');
    expect(await textOf(referralRow)).toContain('보냄');

    // ── The attorney signs in: no membership, so she lands in the portal. ──
    const attorney = await signedInPage(env, ATTORNEY, { lang: 'ko', width: 375, height: 800 });
    const ap = attorney.page;
    await ap.waitForURL((u) => u.pathname === '/portal', SLOW);
    await expect.poll(() => ap.getByRole('heading', { level: 1, name: '내 의뢰' }).isVisible(), SLOW).toBe(true);
    const cards = ap.getByTestId('portal-referral');
    await expect.poll(() => cards.count(), SLOW).toBe(1);
    const card = await textOf(cards);
    expect(card).toContain(MEMBER);
    expect(card).toContain('Potomac Family Justice Center');
    expect(card).toContain('DACA 갱신');
    expect(card).toContain('새 의뢰: 이해충돌 확인 필요');
    // Names only: no phone, no summary anywhere on the page.
    expect(await bodyText(ap)).not.toContain(MEMBER_PHONE);
    expect(await bodyText(ap)).not.toContain('DACA 갱신 서류 검토');
    await expectPhoneFriendly(ap, 'portal list (ko)');

    // Before clearance: the names and the conflict check, nothing else.
    await ap.getByRole('link', { name: MEMBER }).click();
    await expect.poll(() => ap.getByRole('heading', { level: 1, name: `${MEMBER} — DACA 갱신` }).isVisible(), SLOW).toBe(true);
    await expect.poll(() => ap.getByTestId('conflict-none').isVisible(), SLOW).toBe(true);
    expect(await bodyText(ap)).not.toContain(MEMBER_PHONE);
    expect(await bodyText(ap)).not.toContain('DACA 갱신 서류 검토');
    expect((await get(ap, `/api/v1/portal/referrals/${ap.url().split('/').pop()}`)).status()).toBe(404);
    await expectPhoneFriendly(ap, 'portal referral before clearance (ko)');

    await ap.getByRole('button', { name: '이해충돌 없음' }).click();
    // After clearance: the details, then accept.
    await expect.poll(() => textOf(ap.getByTestId('portal-summary')), SLOW).toContain('DACA 갱신 서류 검토');
    expect(await bodyText(ap)).toContain(`(703) ${MEMBER_PHONE}`);
    await expectPhoneFriendly(ap, 'portal referral after clearance (ko)');
    await ap.getByRole('button', { name: '수락', exact: true }).click();
    await expect.poll(() => ap.getByText('이 의뢰를 수락했습니다.').isVisible(), SLOW).toBe(true);

    // The consultation, a week from now.
    await ap.getByLabel('날짜와 시간').fill(nextWeekAtTen());
    await ap.getByRole('button', { name: '상담 예약' }).click();
    await expect.poll(() => ap.getByText('상담을 예약했습니다', { exact: false }).isVisible(), SLOW).toBe(true);
    await expect.poll(() => ap.getByTestId('portal-consultation').isVisible(), SLOW).toBe(true);
    await expectPhoneFriendly(ap, 'portal referral scheduled (ko)');

    // ── Back with the coordinator: every step is on the case's timeline. ──
    await cp.reload();
    const kinds = async () => cp.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    await expect.poll(kinds, SLOW).toEqual(expect.arrayContaining(['referral_sent', 'referral_conflict_cleared', 'referral_accepted', 'referral_consultation_scheduled']));
    const timeline = (await cp.getByTestId('timeline-event').allTextContents()).join('\n');
    expect(timeline).toContain('Jiyeon Kim (김지연)에게 의뢰를 보냄');
    expect(timeline).toContain('의뢰: 이해충돌 확인 완료');
    expect(timeline).toContain('의뢰 수락됨');
    expect(timeline).toContain('상담 예약:');
    await expect.poll(() => referralRow.getAttribute('data-status'), SLOW).toBe('consultation_scheduled');

    // ── A second case of the same member, referred again: her conflict check shows a strong match. ──
    const secondCase = await openCase(cp, 'Minjun Kim', 'detention');
    const providerId = (await (await get(cp, `/api/v1/cases/${secondCase}/referrals/suggestions`)).json()).items.find((s: { provider: { name: string } }) =>
      s.provider.name.startsWith('Jiyeon Kim'),
    ).provider.id;
    await post(cp, `/api/v1/cases/${secondCase}/referrals`, { providerId });
    await ap.goto(`${env.haven.url}/portal`);
    await expect.poll(() => cards.count(), SLOW).toBe(2);
    await cards.filter({ hasText: '구금' }).getByRole('link').click();
    const match = ap.getByTestId('conflict-match');
    await expect.poll(() => match.count(), SLOW).toBe(1);
    expect(await match.getAttribute('data-level')).toBe('strong');
    expect(await textOf(match)).toContain('생년월일이 같음');
    const noConflict = ap.getByRole('button', { name: '이해충돌 없음' });
    expect(await noConflict.isDisabled()).toBe(true);
    await expectPhoneFriendly(ap, 'portal conflict check with a match (ko)');
    await ap.getByRole('checkbox', { name: /이해충돌이 아닙니다/ }).check();
    expect(await noConflict.isDisabled()).toBe(false);
    // She declares the conflict instead: the referral is declined.
    await ap.getByRole('button', { name: '이해충돌이 있습니다' }).click();
    await ap.getByRole('dialog').getByRole('button', { name: '이해충돌이 있습니다' }).click();
    await expect.poll(() => ap.getByText('이 의뢰를 거절했습니다.').isVisible(), SLOW).toBe(true);

    // ── Walls. ──
    // The attorney cannot open a case, this one or another; her portal holds only her own referrals.
    for (const id of [caseId, secondCase]) expect([403, 404]).toContain((await get(ap, `/api/v1/cases/${id}`)).status());
    const il = await signedInPage(env, COORDINATOR_IL, { lang: 'en', width: 375, height: 800 });
    const ilCase = await openCase(il.page, 'Seoyeon Lee', 'daca_renewal');
    expect([403, 404]).toContain((await get(ap, `/api/v1/cases/${ilCase}`)).status());
    const portalList = (await (await get(ap, '/api/v1/portal/referrals')).json()).items as { affiliate: { name: string } }[];
    expect(portalList.map((r) => r.affiliate.name)).toEqual(['Potomac Family Justice Center', 'Potomac Family Justice Center']);
    expect(JSON.stringify(portalList)).not.toContain('Prairie Korean Community Center');
    // Illinois cannot see the Virginia case, nor use the portal.
    expect((await get(il.page, `/api/v1/cases/${caseId}`)).status()).toBe(404);
    expect((await get(il.page, `/api/v1/cases/${caseId}/referrals`)).status()).toBe(404);
    expect((await get(il.page, '/api/v1/portal/referrals')).status()).toBe(404);

    await il.context.close();
    await attorney.context.close();
    await coordinator.context.close();
  });
});
