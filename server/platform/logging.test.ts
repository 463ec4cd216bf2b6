import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging.ts';

describe('structured logs', () => {
  it('log requests by route pattern and redact credentials and personal data', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions('info') as object;
    const app = Fastify({ logger: { ...options, stream } });
    app.get('/api/v1/people', async (req) => {
      req.log.info({ body: { password: 'hunter2', phone: '+13125550101', email: 'a@b.org' } }, 'handled');
      return { ok: true };
    });
    await app.inject({ method: 'GET', url: '/api/v1/people?q=Kim%20Minjun', headers: { cookie: 'haven_session=SECRET', authorization: 'Bearer hvn_SECRET' } });
    await app.close();
    const all = lines.join('\n');
    expect(all).toContain('"route":"/api/v1/people"');
    for (const secret of ['Kim', 'Minjun', 'SECRET', 'hunter2', '+13125550101', 'a@b.org']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });
});
