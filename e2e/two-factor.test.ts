import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newPage, signIn, useHavenAndBrowser } from './support/haven.ts';

const env = useHavenAndBrowser();

describe('two-factor where the affiliate requires it', () => {
  it('sends a CA coordinator to enrolment, turns it on with an authenticator code, then asks for the code at next sign-in', async () => {
    const { context, page } = await newPage(env, { lang: 'en', width: 375, height: 800 });
    await signIn(env, page, 'coordinator.ca@demo.haven.local', 'en');
    await page.waitForURL(/\/mfa\/enrol/);
    const secret = (await page.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
    // A code is accepted once: the sign-in after enrolment uses the next step's code (one step of drift is allowed).
    const code = (stepsAhead = 0) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
    await page.getByLabel(/6-digit code/).fill(code());
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Save your recovery codes' }).isVisible()).toBe(true);
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/mfa'));

    await context.clearCookies();
    await signIn(env, page, 'coordinator.ca@demo.haven.local', 'en');
    await page.waitForURL(/\/mfa\/verify/);
    await page.getByLabel(/Authentication code/).fill(code(1));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/mfa'));
    await page.goto(`${env.haven.url}/people`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/People/);
    await context.close();
  });
});
