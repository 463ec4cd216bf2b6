import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { denyRoutesWithoutPolicy } from './mount.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t?.close());

describe('deny by default', () => {
  it('every mounted API route declares a policy', () => {
    const routes = t.app.mountedRoutes;
    expect(routes.length).toBeGreaterThan(20);
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api/v1') || r.url.startsWith('/webhooks') || r.url === '/healthz');
    const missing = apiRoutes.filter((r) => r.method !== 'HEAD' && !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    // Only documentation and static files go without a policy.
    const unpoliced = routes.filter((r) => !r.policy && r.method !== 'HEAD').map((r) => r.url);
    for (const url of unpoliced) expect(url).toMatch(/^\/api\/docs|^\/api\/openapi\.json$|^\/$|\.[a-z0-9]+$/i);
  });

  it('refuses to mount a route without a policy', async () => {
    const app = Fastify();
    denyRoutesWithoutPolicy(app, []);
    expect(() => app.post('/api/v1/sneaky', async () => ({ ok: true }))).toThrow(/has no policy/);
    expect(() => app.get('/api/v1/ok', { config: { policy: { public: true } } }, async () => ({ ok: true }))).not.toThrow();
    await app.close();
  });

  it('does not exempt API paths that look like files', async () => {
    const app = Fastify();
    denyRoutesWithoutPolicy(app, [/^\/(?!api\/|webhooks\/)[^?]*\.[a-zA-Z0-9]+$/]);
    expect(() => app.get('/api/v1/export.csv', async () => 'x')).toThrow(/has no policy/);
    expect(() => app.get('/assets/app.js', async () => 'x')).not.toThrow();
    await app.close();
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/people/{id}');
    expect(doc.paths['/api/v1/people'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('givenName');
    const page = await t.anonymous().get('/api/docs');
    expect([200, 302]).toContain(page.statusCode);
  });

  it('answers /healthz when the database answers', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('gives unknown API paths a JSON 404, not the web app', async () => {
    const res = await t.anonymous().get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
