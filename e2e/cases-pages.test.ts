import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiPost, expectPhoneFriendly, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * The DACA clinic's pages in Chromium, on a phone: the upcoming renewals list (reached from
 * the menu), clinic day (check in, hand to the attorney, mark filed), the case reports with
 * their charts and table, and the DACA reference data that only the network office edits.
 * Each page is checked with axe and for sideways scrolling at 375 px.
 */
const env = useHavenAndBrowser();

/** Daniel Cho (조대현): coordinator in Illinois, Korean UI: cases.write and cases.reports. */
const COORDINATOR = 'coordinator.il@demo.haven.local';
/** Helen Moon: the network office's administrator. */
const NETWORK_ADMIN = 'network.admin@demo.haven.local';
const ATTORNEY_NAME = 'Atty. Helen Park (박혜린)';
const SLOW = { timeout: 20_000, interval: 200 };
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function personWithDaca(page: Page, givenName: string, phone: string, expiresIn: number) {
  const person = await apiPost(page, env.haven.url, '/api/v1/people', { givenName, familyName: 'Clinic', preferredLanguage: 'ko', phone });
  const c = await apiPost(page, env.haven.url, '/api/v1/cases', { personId: person.id, type: 'daca_renewal' });
  const session = await (await page.request.get(`${env.haven.url}/api/v1/auth/session`)).json();
  const res = await page.request.put(`${env.haven.url}/api/v1/cases/${c.id}/daca`, { data: { expiresOn: day(expiresIn) }, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.ok(), await res.text()).toBe(true);
  return { personId: person.id as string, caseId: c.id as string };
}

describe('DACA clinic pages (Korean UI, 375 px)', () => {
  it('lists upcoming renewals, runs a clinic day, and reports the figures with charts', async () => {
    const { context, page } = await signedInPage(env, COORDINATOR, { lang: 'ko', width: 375, height: 800 });
    await personWithDaca(page, 'Seoyeon', '+13125550871', 130);

    // Reached from the menu.
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: 'DACA 갱신 예정' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'DACA 갱신 예정' }).isVisible(), SLOW).toBe(true);
    const row = page.getByRole('row').filter({ hasText: 'Seoyeon Clinic' });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    expect(await textOf(row)).toContain('130일 남음');
    expect(await textOf(row)).toContain('신청할 때입니다');
    const csvHref = await page.getByRole('link', { name: /CSV 내려받기/ }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/daca/renewals.csv?withinDays=180');
    const csv = await page.request.get(`${env.haven.url}${csvHref}`);
    expect(await csv.text()).toContain('Seoyeon');
    await expectPhoneFriendly(page, 'renewals');

    // Clinic day: Seoyeon is expected; check her in, hand her to the attorney, mark filed.
    await page.goto(`${env.haven.url}/daca/clinic`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '클리닉 당일' }).isVisible(), SLOW).toBe(true);
    await page.getByRole('button', { name: 'Seoyeon Clinic 님 체크인' }).click();
    const visits = page.getByRole('table').first();
    const visit = visits.getByRole('row').filter({ hasText: 'Seoyeon Clinic' });
    await expect.poll(() => visit.count(), SLOW).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Seoyeon Clinic 님 체크인' }).count(), SLOW).toBe(0);
    expect(await textOf(visit)).toContain('체크인함');
    const review = visit.getByRole('form', { name: 'Seoyeon Clinic 님의 변호사 검토' });
    await review.getByLabel('변호사 또는 공인 대리인').selectOption({ label: ATTORNEY_NAME });
    await review.getByRole('button', { name: '변호사 검토 요청' }).click();
    await expect.poll(() => textOf(visit), SLOW).toContain('변호사 검토 중');
    expect(await textOf(visit)).toContain(`${ATTORNEY_NAME} 님이 검토 중입니다`);
    await expectPhoneFriendly(page, 'clinic day');
    await visit.getByRole('button', { name: '신청 완료로 표시' }).click();
    await expect.poll(() => textOf(visit), SLOW).toContain('신청 완료');
    await expect.poll(() => visit.getByRole('button', { name: '신청 완료로 표시' }).count(), SLOW).toBe(0);

    // The case's timeline tells the clinic's story in words.
    await visit.getByRole('link', { name: 'Seoyeon Clinic 님 사전 심사' }).click();
    await expect.poll(() => page.getByText('클리닉에 체크인했습니다').count(), SLOW).toBeGreaterThan(0);
    expect(await page.getByText('변호사 검토를 요청했습니다').count()).toBeGreaterThan(0);

    // Reports: this period's figures as charts and as a table, and the CSV.
    await page.goto(`${env.haven.url}/reports/cases`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '사건 보고서' }).isVisible(), SLOW).toBe(true);
    await expect.poll(() => page.getByTestId('chart-people').locator('svg .recharts-bar-rectangle').count(), SLOW).toBeGreaterThan(0);
    expect(await page.getByRole('radio', { name: '최근 30일' }).isChecked()).toBe(true);
    const opened = page.getByRole('row', { name: /새 사건/ });
    expect(Number((await textOf(opened.getByRole('cell'))).replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    expect(await textOf(page.getByRole('row', { name: /갱신 신청/ }).first().getByRole('cell'))).toMatch(/[1-9]/);
    const reportCsv = await page.getByRole('link', { name: /CSV 내려받기/ }).getAttribute('href');
    expect(reportCsv).toMatch(/^\/api\/v1\/cases\/reports\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    expect((await page.request.get(`${env.haven.url}${reportCsv}`)).status()).toBe(200);
    await expectPhoneFriendly(page, 'case reports');

    // Reference data: readable here, changed only by the network office.
    await page.goto(`${env.haven.url}/daca/reference`);
    await expect.poll(() => page.getByText('이 수치는 네트워크 본부만 변경할 수 있습니다.').isVisible(), SLOW).toBe(true);
    expect(await page.getByRole('button', { name: '새 버전으로 저장' }).count()).toBe(0);
    await expectPhoneFriendly(page, 'reference data, read only');
    await context.close();
  });
});

describe('DACA reference data (network office, English UI, 375 px)', () => {
  it('refuses a wrong order beside the field, then saves a new version and keeps the old one', async () => {
    const { context, page } = await signedInPage(env, NETWORK_ADMIN, { lang: 'en', width: 375, height: 800 });
    await page.goto(`${env.haven.url}/daca/reference`);
    const days = page.getByLabel('Reminder days before expiry');
    await expect.poll(() => days.isVisible(), SLOW).toBe(true);
    expect(await days.inputValue()).toBe('180, 150, 120');
    await expectPhoneFriendly(page, 'reference form');

    await days.fill('120, 150');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => days.getAttribute('aria-invalid'), SLOW).toBe('true');
    expect(await page.getByText('Give each day once, largest first.').isVisible()).toBe(true);

    await days.fill('200, 160, 130');
    await page.getByLabel('Source note').fill('Checked the USCIS DACA page today');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => textOf(page.getByRole('status').filter({ hasText: 'Saved.' })), SLOW).toContain('Version 1 is now in use');
    expect(await textOf(page.getByTestId('reference-current'))).toContain('200, 160, 130');
    expect(await textOf(page.getByRole('table'))).toContain('Shipped with Haven');
    await expectPhoneFriendly(page, 'reference saved');
    await context.close();
  });
});
