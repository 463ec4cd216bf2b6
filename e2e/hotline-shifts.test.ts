import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectPhoneFriendly, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * The on-call shifts page on a phone: a coordinator (Korean UI) sees who is on call in each
 * language and the week's schedule; a responder (Spanish UI) makes her calendar link, which
 * a calendar app can then fetch, and marks herself away. Accessibility and 375 px checks
 * run on the page as each of them leaves it.
 */
const env = useHavenAndBrowser();



describe('on-call shifts (375 px)', () => {
  it('shows a coordinator every language covered and the week, day by day', async () => {
    const { context, page } = await signedInPage(env, 'coordinator.il@demo.haven.local', { lang: 'ko', width: 375, height: 800 });
    await page.goto(`${env.haven.url}/hotline/shifts`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '당번 근무' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('모든 언어에 당번이 있습니다.').isVisible()).toBe(true);
    const week = page.getByRole('list', { name: /부터 한 주$/ });
    await expect.poll(() => week.locator(':scope > li').count()).toBe(7);
    expect(await textOf(week)).toContain('María Hernández');
    // Coordinators manage shifts and responders on the same page.
    expect(await page.getByRole('heading', { level: 2, name: '근무 관리' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: '응답자', exact: true }).isVisible()).toBe(true);
    await expectPhoneFriendly(page, 'shifts page (coordinator)');
    await context.close();
  });

  it('lets a responder make her calendar link once, fetch it, and mark herself away', async () => {
    const { context, page } = await signedInPage(env, 'responder.il@demo.haven.local', { lang: 'es', width: 375, height: 800 });
    await page.goto(`${env.haven.url}/hotline/shifts`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Turnos de guardia' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Gestionar turnos' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Crear enlace de calendario' }).click();
    const field = page.getByLabel('Dirección del calendario');
    await expect.poll(() => field.count()).toBe(1);
    const url = await field.inputValue();
    expect(url).toMatch(/\/p\/hotline\/ical\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await page.request.get(`${env.haven.url}${new URL(url).pathname}`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('Turno de la línea de ayuda');

    await page.getByRole('button', { name: 'Marcarme ausente' }).click();
    await expect.poll(() => page.getByText('Ausencia guardada.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Quitar ausencia:/ }).count()).toBe(1);
    await expectPhoneFriendly(page, 'shifts page (responder)');
    await context.close();
  });
});
