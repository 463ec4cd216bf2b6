import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPhoneFriendly, type OpenPage, type PageOptions, seriousA11yViolations, signedInPage, textOf, useHavenAndBrowser } from './support/haven.ts';

/**
 * Running the hotline on a surge day, in the Spanish UI on phones: the Illinois coordinator
 * turns surge mode on (after a confirmation that says what it does), a caller who picks
 * Spanish hears the know-your-rights message and presses 1 for a callback, the callback
 * shows up by itself in a responder's callback queue, she takes it and marks it done; the
 * reports count the call and download as CSV; surge mode goes off again at the end.
 * Each page is checked with axe and for sideways scrolling at 375 px.
 */
const env = useHavenAndBrowser();

const HOTLINE = '+13125550100';
/** Not a demo member: a stranger calling in the rush. */
const CALLER = '+17735550123';
const CALLER_SHOWN = '(773) 555-0123';
const COORDINATOR = 'coordinator.il@demo.haven.local';
/** María Hernández: an Illinois responder (hotline.respond only). */
const RESPONDER = 'responder.il@demo.haven.local';
/** The stream, the simulator and the refetches take a moment each. */
const WAIT = { timeout: 15_000, interval: 150 };
/** Both staff on Spanish-UI phones; the report is downloaded as CSV. */
const SPANISH_PHONE: PageOptions = { lang: 'es', width: 375, height: 800, acceptDownloads: true };


/** The API as the page's user (CSRF token from the session). */
async function call(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
  const session = await (await page.request.get(`${env.haven.url}/api/v1/auth/session`)).json();
  const res = await page.request.fetch(`${env.haven.url}${path}`, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

async function openFromMenu(page: Page, link: string, heading: string) {
  await page.getByRole('button', { name: 'Menú' }).click();
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: link, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible(), WAIT).toBe(true);
}


const said = (c: { transcript: { kind: string; text?: string }[] }) => c.transcript.filter((e) => e.kind === 'say').map((e) => e.text).join(' ');

let coordinator: OpenPage | undefined;
let responder: OpenPage | undefined;

// Leave the demo as found even when a step fails half-way.
afterAll(async () => {
  if (coordinator) {
    await call(coordinator.page, 'PATCH', '/api/v1/hotline/settings', { surge: false, ringSeconds: 20 }).catch(() => {});
    await coordinator.context.close();
  }
  await responder?.context.close();
});

describe('surge day on the Illinois hotline (Spanish UI, 375 px)', () => {
  it('surge on with a confirmation → a Spanish caller asks for a callback → it appears live, is taken and done → the report counts it → surge off', async () => {
    coordinator = await signedInPage(env, COORDINATOR, SPANISH_PHONE);
    const c = coordinator.page;

    // ── The coordinator opens "Gestionar la línea": surge off, ring time 20 s.
    await openFromMenu(c, 'Gestionar la línea', 'Gestionar la línea de ayuda');
    const surgeSwitch = c.getByRole('switch', { name: 'Modo de alta demanda' });
    await expect.poll(() => surgeSwitch.getAttribute('aria-checked'), WAIT).toBe('false');
    expect(await textOf(c.getByTestId('surge-state'))).toContain('El modo de alta demanda está desactivado');
    const ring = c.getByLabel('Tiempo de timbre (segundos)', { exact: false });
    expect(await ring.inputValue()).toBe('20');

    // A ring time the server refuses: its message, in Spanish, beside the field.
    await ring.fill('2');
    await c.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect.poll(() => ring.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await textOf(c.locator('.field--invalid .field__error'))).toContain('mínimo 5');
    expect(await c.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await ring.fill('veinte');
    await c.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect.poll(() => textOf(c.locator('.field--invalid .field__error')), WAIT).toContain('número entero');
    await ring.fill('20');
    await c.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect.poll(() => c.getByText('Guardado.', { exact: false }).isVisible(), WAIT).toBe(true);
    await expectPhoneFriendly(c, 'ops page, surge off');

    // ── Surge on: never on a tap alone; the dialog says what changes for callers and texters.
    await surgeSwitch.click();
    const dialog = c.getByRole('dialog', { name: '¿Activar el modo de alta demanda?' });
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    const dialogText = await textOf(dialog);
    expect(dialogText).toContain('mensaje breve sobre sus derechos');
    expect(dialogText).toContain('devolvamos la llamada');
    expect(dialogText).toContain('acuse de recibo');
    expect(await seriousA11yViolations(c), 'surge dialog').toEqual([]);
    // Cancel leaves it off.
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await surgeSwitch.getAttribute('aria-checked')).toBe('false');
    await surgeSwitch.click();
    await dialog.getByRole('button', { name: 'Activar el modo de alta demanda' }).click();
    await expect.poll(() => surgeSwitch.getAttribute('aria-checked'), WAIT).toBe('true');
    expect(await dialog.isVisible()).toBe(false);
    const state = await textOf(c.getByTestId('surge-state'));
    expect(state).toContain('Modo de alta demanda activado');
    expect(state).toContain('desde');
    expect((await call(c, 'GET', '/api/v1/hotline/settings')).surge).toBe(true);
    await expectPhoneFriendly(c, 'ops page, surge on');

    // ── The responder's callback queue, open before the call comes in (nothing waiting yet).
    responder = await signedInPage(env, RESPONDER, SPANISH_PHONE);
    const r = responder.page;
    // Not a coordinator: no "Gestionar la línea" in her menu.
    await r.getByRole('button', { name: 'Menú' }).click();
    expect(await r.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Gestionar la línea' }).count()).toBe(0);
    await r.getByRole('button', { name: 'Menú' }).click();
    await openFromMenu(r, 'Devoluciones de llamada', 'Llamadas por devolver');
    await expect.poll(() => textOf(r.getByTestId('stream-status')), WAIT).toContain('En vivo');
    await expect.poll(() => r.getByText('Nadie espera que le devolvamos la llamada', { exact: false }).isVisible(), WAIT).toBe(true);
    await expect.poll(() => textOf(r.getByRole('status').filter({ hasText: 'alta demanda' })), WAIT).toContain('modo de alta demanda está activado');
    await r.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

    // ── A caller on the simulated phone: Spanish (3), hears the surge message, presses 1 for a callback.
    const started = await call(c, 'POST', '/api/v1/simulator/calls', { from: CALLER, to: HOTLINE });
    expect(said(started)).toContain('Para español, oprima 3.');
    const spanish = await call(c, 'POST', `/api/v1/simulator/calls/${started.sid}/digits`, { digits: '3' });
    expect(said(spanish)).toContain('Conozca sus derechos');
    expect(spanish.waiting).toMatchObject({ verb: 'gather', action: expect.stringMatching(/\/voice\/surge$/) });
    const queued = await call(c, 'POST', `/api/v1/simulator/calls/${started.sid}/digits`, { digits: '1' });
    expect(said(queued)).toContain('Le llamaremos a este número lo antes posible.');
    expect(queued.waiting).toBeNull();

    // ── It appears in her queue by itself: first in line, Spanish, asked in the surge, nobody on it yet.
    const card = r.getByTestId('callback-item').filter({ hasText: CALLER_SHOWN });
    await expect.poll(() => card.count(), WAIT).toBe(1);
    expect(await r.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    const cardText = await textOf(card);
    expect(cardText).toContain('N.º 1');
    expect(cardText).toContain('Español');
    expect(cardText).toContain('Pidió que le llamemos (alta demanda)');
    expect(cardText).toMatch(/Acaba de llegar|Esperando/);
    expect(cardText).toContain('Nadie la ha tomado todavía');
    expect(cardText).not.toContain('Emergencia');
    expect(await card.getByRole('link', { name: `Llamar al ${CALLER_SHOWN}` }).getAttribute('href')).toBe(`tel:${CALLER}`);
    expect(await textOf(r.getByTestId('callbacks-count'))).toContain('Esperan que las llamemos: 1');
    await expectPhoneFriendly(r, 'callback queue with a callback');

    // Take it: her name on it, and focus moves to "how did it go".
    await card.getByRole('button', { name: 'Tomarla' }).click();
    await expect.poll(() => textOf(card), WAIT).toContain('Usted devuelve esta llamada');
    const outcome = card.getByLabel('¿Cómo fue la llamada?', { exact: true });
    await expect.poll(() => outcome.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    // The coordinator sees who has it (the server says so to everyone).
    const held = (await call(c, 'GET', '/api/v1/hotline/callbacks')).items.find((i: { phone: string }) => i.phone === CALLER);
    expect(held.claimedBy.name).toBe('María Hernández');
    // Done without an outcome is stopped here; with one, it leaves the queue.
    await card.getByRole('button', { name: 'Marcar como hecha' }).click();
    await expect.poll(() => textOf(card), WAIT).toContain('Elija cómo fue la llamada.');
    await expectPhoneFriendly(r, 'callback taken, done form');
    await outcome.selectOption('reached');
    await card.getByRole('button', { name: 'Marcar como hecha' }).click();
    await expect.poll(() => card.count(), WAIT).toBe(0);
    await expect.poll(() => textOf(r.getByTestId('callbacks-count')), WAIT).toContain('Esperan que las llamemos: 0');

    // The Done tab: who called back and how it went.
    await r.getByRole('navigation', { name: 'Qué llamadas' }).getByRole('link', { name: 'Hechas' }).click();
    const doneCard = r.getByTestId('callback-item').filter({ hasText: CALLER_SHOWN });
    await expect.poll(() => doneCard.count(), WAIT).toBe(1);
    const doneText = await textOf(doneCard);
    expect(doneText).toContain('Hablamos con la persona');
    expect(doneText).toContain('Usted devolvió la llamada');
    expect(await doneCard.getByRole('button').count()).toBe(0);
    await expectPhoneFriendly(r, 'callbacks done tab');

    // ── Calling more responders in, Spanish speakers only: how many were texted, how many have no phone.
    await c.getByRole('checkbox', { name: 'Español' }).check();
    await c.getByRole('button', { name: 'Avisar ahora a estas personas' }).click();
    await expect.poll(() => textOf(c.getByTestId('call-in-result')), WAIT).toMatch(/\d+ avisadas por texto, \d+ sin teléfono registrado|No hay a quién avisar/);

    // ── The reports: the call is counted (a callback request counts with voicemail), and the by-day CSV.
    await openFromMenu(c, 'Informes de la línea', 'Informes de la línea de ayuda');
    expect(await c.getByRole('radio', { name: 'Últimos 7 días' }).isChecked()).toBe(true);
    const figure = async (id: string) => Number((await textOf(c.getByTestId(id).locator('.report-stat__value'))).replace(/\D/g, ''));
    await expect.poll(() => figure('stat-calls'), WAIT).toBeGreaterThanOrEqual(1);
    expect(await figure('stat-calls-voicemail')).toBeGreaterThanOrEqual(1);
    expect(await figure('stat-conversations')).toBeGreaterThanOrEqual(1);
    expect(await textOf(c.getByTestId('report-range'))).toContain('America/Chicago');
    expect(await c.getByTestId('by-day-chart').getAttribute('aria-label')).toMatch(/conversaciones en 7 días/);
    await c.getByText('Ver los números en una tabla').click();
    const table = c.getByRole('table', { name: 'Conversaciones por día y canal' });
    await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(8); // a header and 7 days
    await expectPhoneFriendly(c, 'reports, table open');

    const [download] = await Promise.all([c.waitForEvent('download'), c.getByRole('button', { name: 'Descargar CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hotline-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Día,Mensaje de texto,Llamada,Formulario web,Total');
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[2]), 0)).toBeGreaterThanOrEqual(1);

    // A custom period the wrong way round is caught before asking; a right one goes in the URL.
    await c.getByRole('radio', { name: 'Elegir fechas' }).check();
    const range = await c.evaluate(() => new URLSearchParams(location.search).toString());
    expect(range).toBe('');
    await c.getByLabel('Desde', { exact: false }).fill('2026-02-10');
    await c.getByLabel('Hasta', { exact: false }).fill('2026-02-01');
    await c.getByRole('button', { name: 'Ver informe' }).click();
    await expect.poll(() => textOf(c.locator('.field__error')), WAIT).toContain('La primera fecha debe ser igual o anterior');
    await c.getByLabel('Desde', { exact: false }).fill('2026-01-01');
    await c.getByRole('button', { name: 'Ver informe' }).click();
    await expect.poll(() => c.url(), WAIT).toContain('period=custom&from=2026-01-01&to=2026-02-01');
    await expect.poll(() => textOf(c.getByTestId('report-range')), WAIT).toMatch(/2026/);
    await expectPhoneFriendly(c, 'reports, custom period');

    // ── The rush is over: surge off, again through the dialog; the demo is left as found.
    await openFromMenu(c, 'Gestionar la línea', 'Gestionar la línea de ayuda');
    await expect.poll(() => surgeSwitch.getAttribute('aria-checked'), WAIT).toBe('true');
    await surgeSwitch.click();
    const offDialog = c.getByRole('dialog', { name: '¿Desactivar el modo de alta demanda?' });
    await expect.poll(() => offDialog.isVisible(), WAIT).toBe(true);
    await offDialog.getByRole('button', { name: 'Desactivar el modo de alta demanda' }).click();
    await expect.poll(() => surgeSwitch.getAttribute('aria-checked'), WAIT).toBe('false');
    expect(await textOf(c.getByRole('status').filter({ hasText: 'desactivado' }))).toContain('El modo de alta demanda está desactivado.');
    expect(await call(c, 'GET', '/api/v1/hotline/settings')).toMatchObject({ surge: false, surgeSince: null, ringSeconds: 20 });
  });
});
