import { it } from 'vitest';
import { apiPost, signedInPage, useHavenAndBrowser } from '/work/main/e2e/support/haven.ts';
const env = useHavenAndBrowser();
it('shots', async () => {
  const { page } = await signedInPage(env, 'coordinator.il@demo.haven.local', { lang: 'ko', width: 375, height: 800 });
  const p = await apiPost(page, env.haven.url, '/api/v1/people', { givenName: 'Mina', familyName: 'Shot', preferredLanguage: 'ko', phone: '+13125550872' });
  await apiPost(page, env.haven.url, '/api/v1/daca/clinic/check-in', { personId: p.id });
  await page.goto(`${env.haven.url}/reports/cases`);
  await page.waitForSelector('.recharts-bar-rectangle');
  await page.screenshot({ path: '/tmp/h2/reports.png', fullPage: true });
  await page.goto(`${env.haven.url}/daca/clinic`);
  await page.waitForSelector('h1');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/h2/clinic.png', fullPage: true });
  await page.goto(`${env.haven.url}/daca/renewals`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/h2/renewals.png', fullPage: true });
}, 120000);
