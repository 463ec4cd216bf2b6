import { describe, expect, it } from 'vitest';
import { LANGS, negotiateLang, serverMessages, t } from './i18n.ts';

const flatten = (o: Record<string, unknown>, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('server messages', () => {
  const en = flatten(serverMessages.en);
  for (const lang of LANGS) {
    it(`${lang} has every key, none empty, with the same placeholders`, () => {
      const msgs = flatten(serverMessages[lang]);
      expect(Object.keys(msgs).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(msgs)) {
        expect(value.trim(), key).not.toBe('');
        expect(placeholders(value), `${lang} ${key}`).toEqual(placeholders(en[key]));
      }
    });
  }

  it('every error code thrown in server code has a message', async () => {
    const { execSync } = await import('node:child_process');
    const src = execSync(`grep -rhoE "(AppError|invalid|conflict)\\('[a-z_]+'" server --include=*.ts --exclude=*.test.ts`, { encoding: 'utf8' });
    const codes = [...new Set([...src.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]))];
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(en, code).toHaveProperty([`errors.${code}`]);
  });

  it('fills placeholders and negotiates languages', () => {
    expect(t('es', 'errors.rate_limited', { seconds: 4 })).toBe('Demasiados intentos. Vuelva a intentarlo en 4 segundos.');
    expect(negotiateLang('ko-KR,ko;q=0.9,en;q=0.5')).toBe('ko');
    expect(negotiateLang('fr-FR, es;q=0.4')).toBe('es');
    expect(negotiateLang('de', 'ko')).toBe('ko');
  });
});
