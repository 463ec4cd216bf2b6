import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDeps, createDeps } from '../../server/deps.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import type { Deps } from '../../server/platform/context.ts';

export const DEMO_PASSWORD = 'e2e-demo-password';

/** The real app on a loopback port, on a fresh embedded database with the demo network. */
export async function startHaven() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-e2e-'));
  const config = loadConfig({ HAVEN_DATA_DIR: dataDir, HAVEN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
  const templateFile = process.env.HAVEN_PGLITE_TEMPLATE;
  const template = templateFile && fs.existsSync(templateFile) ? new Blob([fs.readFileSync(templateFile)]) : undefined;
  const deps: Deps = await createDeps(config, { memory: true, template });
  await seedDemo(deps);
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    async close() {
      await app.close();
      await closeDeps(deps);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** axe-core in the page; returns serious and critical violations only. */
export async function seriousA11yViolations(page: Page) {
  const axePath = path.join(process.cwd(), 'node_modules/axe-core/axe.min.js');
  await page.addScriptTag({ content: fs.readFileSync(axePath, 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** One Haven and one Chromium for a test file, closed after it; read them inside tests. */
export function useHavenAndBrowser() {
  const env = {} as { haven: Awaited<ReturnType<typeof startHaven>>; browser: Browser };
  beforeAll(async () => {
    env.haven = await startHaven();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.haven?.close();
  });
  return env;
}

export type Lang = 'ko' | 'en' | 'es';

/** The sign-in form in each UI language: signing in through these labels proves the translation. */
export const SIGN_IN_LABELS: Record<Lang, { email: string; password: string; submit: string }> = {
  ko: { email: '이메일', password: '비밀번호', submit: '로그인' },
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  es: { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' },
};

type HavenAndBrowser = { haven: { url: string }; browser: Browser };
export type PageOptions = { lang: Lang; width?: number; height?: number; acceptDownloads?: boolean };
export type OpenPage = { context: BrowserContext; page: Page };

/** A page in its own context (close the context when done), in the UI language `lang`, not signed in. */
export async function newPage(env: HavenAndBrowser, { lang, width = 1280, height = 900, acceptDownloads }: PageOptions): Promise<OpenPage> {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads });
  // Only the first visit: later navigations keep whatever the user switched to.
  await context.addInitScript((l) => {
    if (!localStorage.getItem('haven.lang')) localStorage.setItem('haven.lang', l);
  }, lang);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in with the demo password through the form's labels in `lang`; resolves once the app has left /sign-in. */
export async function signIn(env: HavenAndBrowser, page: Page, email: string, lang: Lang) {
  const labels = SIGN_IN_LABELS[lang];
  await page.goto(`${env.haven.url}/sign-in`);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** newPage, then signIn as `email`. */
export async function signedInPage(env: HavenAndBrowser, email: string, options: PageOptions): Promise<OpenPage> {
  const opened = await newPage(env, options);
  await signIn(env, opened.page, email, options.lang);
  return opened;
}

/** The text of the first match, or '' when there is none (for polling). */
export const textOf = async (l: Locator) => ((await l.count()) ? ((await l.first().textContent()) ?? '') : '');

/** No serious or critical axe violation, and nothing scrolls sideways (the 375 px check). */
export async function expectPhoneFriendly(page: Page, what: string) {
  await page.waitForLoadState('networkidle').catch(() => {}); // a live stream never idles; settle what else loads
  expect(await seriousA11yViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** A JSON POST as the page's signed-in user (its cookie and CSRF token), which must succeed. */
export async function apiPost(page: Page, baseUrl: string, path: string, data: unknown) {
  const session = await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json();
  const res = await page.request.post(`${baseUrl}${path}`, { data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}
