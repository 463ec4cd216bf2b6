import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, signedInPage, useHavenAndBrowser } from './support/haven.ts';

/**
 * A coordinator keeps the canned responses on a phone, in the Korean UI: every answer in
 * three languages (a missing one is refused, naming it), edited and deleted in place.
 */
const env = useHavenAndBrowser();
const WAIT = { timeout: 15_000, interval: 150 };

async function phoneFriendly(page: Page, what: string) {
  expect(await seriousA11yViolations(page), what).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), what).toBeLessThanOrEqual(0);
}

describe('canned responses (Korean UI, 375 px)', () => {
  it('adds one in three languages, refuses one missing Spanish, edits and deletes it', async () => {
    const { context, page } = await signedInPage(env, 'coordinator.il@demo.haven.local', { lang: 'ko', width: 375, height: 800 });
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '상용 답변', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '상용 답변' }).isVisible(), WAIT).toBe(true);
    await phoneFriendly(page, 'the canned responses page');

    const form = page.getByRole('form', { name: '상용 답변 추가' });
    await form.getByLabel('제목').fill('TPS 재등록 안내');
    await form.getByLabel('한국어 내용').fill('TPS 재등록 기간이 시작되었습니다. 서류를 준비해 주세요.');
    await form.getByLabel('영어 내용').fill('TPS re-registration is open. Please get your documents ready.');
    await form.getByRole('button', { name: '추가' }).click();
    // Spanish is missing: refused, the Spanish field named and focused, nothing added.
    const spanish = form.getByLabel('스페인어 내용');
    await expect.poll(() => spanish.getAttribute('aria-invalid'), WAIT).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('lang'))).toBe('es');
    await phoneFriendly(page, 'the form with an error');
    await spanish.fill('La re-inscripción de TPS está abierta. Prepare sus documentos.');
    await form.getByRole('button', { name: '추가' }).click();

    const item = page.locator('.canned-item', { hasText: 'TPS 재등록 안내' });
    await expect.poll(() => item.isVisible(), WAIT).toBe(true);
    expect(await item.locator('dd[lang="es"]').textContent()).toContain('TPS está abierta');

    await item.getByRole('button', { name: '“TPS 재등록 안내” 수정' }).click();
    const edit = page.getByRole('form', { name: '상용 답변 수정' });
    await edit.getByLabel('제목').fill('TPS 재등록 (2026)');
    await edit.getByRole('button', { name: '변경 내용 저장' }).click();
    const renamed = page.locator('.canned-item', { hasText: 'TPS 재등록 (2026)' });
    await expect.poll(() => renamed.isVisible(), WAIT).toBe(true);

    await renamed.getByRole('button', { name: '“TPS 재등록 (2026)” 삭제' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await dialog.getByRole('button', { name: '삭제', exact: true }).click();
    await expect.poll(() => renamed.count(), WAIT).toBe(0);
    await context.close();
  });
});
