import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.ts';

const key = crypto.randomBytes(32);
const payload = { orgId: crypto.randomUUID(), address: 'minjun@example.org', topic: 'alerts', lang: 'ko' as const };

describe('unsubscribe token', () => {
  it('round-trips and is URL-safe', () => {
    const token = signUnsubscribeToken(key, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(key, token)).toEqual({ ...payload, v: 1 });
  });

  it('refuses a token signed with another key', () => {
    expect(verifyUnsubscribeToken(crypto.randomBytes(32), signUnsubscribeToken(key, payload))).toBeNull();
  });

  it('refuses any changed character of the signature, including the last one', () => {
    const token = signUnsubscribeToken(key, payload);
    const [p, sig] = token.split('.');
    for (let i = 0; i < sig.length; i++) {
      const swapped = sig[i] === 'A' ? 'B' : 'A';
      // base64url ignores the low bits of the last character: this is the case a byte compare would miss
      expect(verifyUnsubscribeToken(key, `${p}.${sig.slice(0, i)}${swapped}${sig.slice(i + 1)}`), `position ${i}`).toBeNull();
    }
  });

  it('refuses a payload changed to another address or org, even re-encoded cleanly', () => {
    const [, sig] = signUnsubscribeToken(key, payload).split('.');
    for (const change of [{ address: 'someone@else.org' }, { orgId: crypto.randomUUID() }, { topic: 'all' }]) {
      const forged = Buffer.from(JSON.stringify({ ...payload, ...change, v: 1 })).toString('base64url');
      expect(verifyUnsubscribeToken(key, `${forged}.${sig}`)).toBeNull();
    }
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of ['', '.', 'abc', 'a.b.c', `${'x'.repeat(10)}.${'y'.repeat(43)}`, '%%%.%%%']) {
      expect(verifyUnsubscribeToken(key, bad)).toBeNull();
    }
  });

  it('refuses a validly signed payload that is not a v1 unsubscribe', () => {
    const p = Buffer.from(JSON.stringify({ ...payload, v: 2 })).toString('base64url');
    const sig = crypto.createHmac('sha256', key).update(`haven-unsubscribe:${p}`).digest('base64url');
    expect(verifyUnsubscribeToken(key, `${p}.${sig}`)).toBeNull();
  });
});
