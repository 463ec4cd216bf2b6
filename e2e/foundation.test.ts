import { describe, expect, it } from 'vitest';
import { newPage, seriousA11yViolations, signIn, useHavenAndBrowser } from './support/haven.ts';

const env = useHavenAndBrowser();

describe('the foundation journey', () => {
  let personId = '';

  it('signs in with the Korean UI, switches to Spanish, creates a person with a Hangul name, finds them by a romanized spelling and sees the audit entry', async () => {
    const { context, page } = await newPage(env, { lang: 'ko' });
    await page.goto(`${env.haven.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Haven 로그인' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await signIn(env, page, 'admin.il@demo.haven.local', 'ko');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/안녕하세요/);

    await page.getByLabel('언어').selectOption('es');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Hola|Bienvenid/);

    await page.goto(`${env.haven.url}/people/new`);
    await page.getByLabel(/^Nombre \(obligatorio\)$/).fill('서윤');
    await page.getByLabel('Apellido', { exact: true }).fill('이');
    await page.getByLabel('Nombre en coreano', { exact: true }).fill('이서윤');
    await page.getByLabel('Idioma preferido', { exact: true }).selectOption('ko');
    await page.getByLabel('Teléfono', { exact: true }).fill('(312) 555-0177');
    await page.getByRole('button', { name: 'Registrar persona' }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    personId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByText('+13125550177').or(page.getByText('(312) 555-0177')).first().isVisible()).toBe(true);

    await page.goto(`${env.haven.url}/people`);
    const search = page.getByLabel('Buscar', { exact: true });
    await search.fill('Rhee');
    await search.press('Enter');
    await expect.poll(() => page.getByText('이서윤').first().isVisible()).toBe(true);
    await search.fill('Seoyun');
    await search.press('Enter');
    await expect.poll(() => page.getByText('이서윤').first().isVisible()).toBe(true);

    await page.goto(`${env.haven.url}/audit`);
    // The entry for this very person: its create, translated, linking to the record.
    const entry = page.locator('tr', { hasText: personId }).filter({ hasText: 'Registró a una persona' });
    await expect.poll(() => entry.first().isVisible()).toBe(true);
    expect(await entry.first().textContent()).toContain('admin.il@demo.haven.local');
    await context.close();
  });

  it("keeps that person from another affiliate's admin, in the UI and in the API", async () => {
    expect(personId).not.toBe('');
    const { context, page } = await newPage(env, { lang: 'es' });
    await signIn(env, page, 'admin.va@demo.haven.local', 'es');
    await page.goto(`${env.haven.url}/people`);
    const search = page.getByLabel('Buscar', { exact: true });
    await search.fill('Rhee');
    await search.press('Enter');
    await expect.poll(() => page.getByText(/No hay coincidencias|Resultados/).first().isVisible()).toBe(true);
    expect(await page.getByText('이서윤').count()).toBe(0);
    await page.goto(`${env.haven.url}/people/${personId}`);
    await expect.poll(() => page.getByText(/No se encontró|no existe|No encontramos/i).first().isVisible()).toBe(true);
    expect(await page.getByText('이서윤').count()).toBe(0);
    const api = await page.request.get(`${env.haven.url}/api/v1/people/${personId}`);
    expect(api.status()).toBe(404);
    await context.close();
  });
});

describe('confirming a destructive action', () => {
  it('removes a member through the confirmation dialog, and the member is gone', async () => {
    const { context, page } = await newPage(env, { lang: 'en' });
    await signIn(env, page, 'admin.tx@demo.haven.local', 'en');
    await page.goto(`${env.haven.url}/org/members`);
    await page.getByRole('button', { name: 'Remove Jiwoo Han (한지우)' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await expect.poll(() => page.getByText('Jiwoo Han (한지우) was removed.').isVisible()).toBe(true);
    const members = await (await page.request.get(`${env.haven.url}/api/v1/org/members`)).json();
    expect(members.items.map((m: { email: string }) => m.email)).not.toContain('volunteer.tx@demo.haven.local');
    await context.close();
  });
});

describe('accessibility and phones', () => {
  const pages = ['/', '/people', '/people/new', '/org/members', '/org/roles', '/org/settings', '/org/api-tokens', '/audit'];

  it('has no serious or critical axe violations and no sideways scrolling at 375 px, in all three languages', async () => {
    for (const lang of ['ko', 'en', 'es'] as const) {
      const { context, page } = await newPage(env, { lang, width: 375 });
      await page.goto(`${env.haven.url}/sign-in`);
      await page.waitForSelector('form');
      expect(await seriousA11yViolations(page), `${lang} /sign-in`).toEqual([]);
      await signIn(env, page, 'admin.il@demo.haven.local', lang);
      const someone = await page.request.get(`${env.haven.url}/api/v1/people?q=Kim`);
      const firstId = (await someone.json()).items[0].id;
      for (const path of [...pages, `/people/${firstId}`]) {
        await page.goto(`${env.haven.url}${path}`);
        await page.waitForSelector('main h1');
        await page.waitForLoadState('networkidle');
        expect(await seriousA11yViolations(page), `${lang} ${path}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${lang} ${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });
});
