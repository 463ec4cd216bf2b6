import { describe, expect, it } from 'vitest';
import { classifyKeyword } from './keywords.ts';
import { isWithinAllWindows, isWithinSendWindow, nextSendTime, nextSendTimeForAll, recipientTimeZone } from './quiet-hours.ts';
import { gsmSafeVariant, segmentInfo } from './segments.ts';

describe('segments', () => {
  it('counts GSM-7 and UCS-2 parts the way carriers bill them', () => {
    expect(segmentInfo('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, charactersLeft: 0 });
    expect(segmentInfo('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(segmentInfo('가'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(segmentInfo('가'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(segmentInfo('가'.repeat(135))).toMatchObject({ encoding: 'UCS-2', segments: 3 });
  });

  it('names the Spanish characters that force UCS-2, and é ñ ü do not', () => {
    expect(segmentInfo('Niño, café, pingüino')).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
    const info = segmentInfo('Información: llame ahora');
    expect(info.encoding).toBe('UCS-2');
    expect(info.nonGsmCharacters).toEqual(['ó']);
    expect(gsmSafeVariant('Información: “llame” ahora')).toBe('Informacion: "llame" ahora');
    expect(gsmSafeVariant('안녕하세요')).toBeNull();
  });
});

describe('keywords', () => {
  it('recognises opt-out, opt-in and help in three languages, whatever the case and spacing', () => {
    expect(classifyKeyword(' stop ')).toEqual({ kind: 'opt_out', lang: 'en' });
    expect(classifyKeyword('Stop!')).toEqual({ kind: 'opt_out', lang: 'en' });
    expect(classifyKeyword('중지')).toEqual({ kind: 'opt_out', lang: 'ko' });
    expect(classifyKeyword('수신 거부')).toEqual({ kind: 'opt_out', lang: 'ko' });
    expect(classifyKeyword('alto')).toEqual({ kind: 'opt_out', lang: 'es' });
    expect(classifyKeyword('Cancelar')).toEqual({ kind: 'opt_out', lang: 'es' });
    expect(classifyKeyword('sí')).toEqual({ kind: 'opt_in', lang: 'es' });
    expect(classifyKeyword('SI')).toEqual({ kind: 'opt_in', lang: 'es' });
    expect(classifyKeyword('시작')).toEqual({ kind: 'opt_in', lang: 'ko' });
    expect(classifyKeyword('ayuda')).toEqual({ kind: 'help', lang: 'es' });
    expect(classifyKeyword('도움')).toEqual({ kind: 'help', lang: 'ko' });
  });

  it('does not treat a sentence as a keyword', () => {
    expect(classifyKeyword('please do not stop helping me')).toBeNull();
    expect(classifyKeyword('I need help with DACA')).toBeNull();
    expect(classifyKeyword('')).toBeNull();
  });
});

describe('quiet hours', () => {
  // 2026-11-23 is a Monday; 2026-11-22 a Sunday.
  const at = (iso: string) => new Date(iso);
  it('holds texts outside 8–21 local time and opens at 8', () => {
    expect(isWithinSendWindow(at('2026-11-23T13:30:00Z'), { state: 'IL' })).toBe(false); // 07:30 CST
    expect(isWithinSendWindow(at('2026-11-23T14:00:00Z'), { state: 'IL' })).toBe(true); // 08:00 CST
    expect(isWithinSendWindow(at('2026-11-24T03:00:00Z'), { state: 'IL' })).toBe(false); // 21:00 CST
    expect(nextSendTime(at('2026-11-24T03:10:00Z'), { state: 'IL' }).toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('applies stricter state rules (NJ 8–20, CT 9–20, TX Sunday from noon)', () => {
    expect(isWithinSendWindow(at('2026-11-24T01:30:00Z'), { state: 'NJ' })).toBe(false); // 20:30 EST
    expect(isWithinSendWindow(at('2026-11-24T01:30:00Z'), { state: 'NY' })).toBe(true); // 20:30 EST
    expect(isWithinSendWindow(at('2026-11-23T13:30:00Z'), { state: 'CT' })).toBe(false); // 08:30 EST
    expect(isWithinSendWindow(at('2026-11-22T16:00:00Z'), { state: 'TX' })).toBe(false); // Sunday 10:00 CST
    expect(isWithinSendWindow(at('2026-11-22T18:00:00Z'), { state: 'TX' })).toBe(true); // Sunday 12:00 CST
    expect(isWithinSendWindow(at('2026-11-23T16:00:00Z'), { state: 'TX' })).toBe(true); // Monday 10:00 CST
  });

  it('finds the time zone from the ZIP where a state spans two', () => {
    expect(recipientTimeZone({ state: 'TX', zip: '79901' })).toBe('America/Denver');
    expect(recipientTimeZone({ state: 'TX', zip: '77036' })).toBe('America/Chicago');
    expect(recipientTimeZone({ state: 'FL', zip: '32501' })).toBe('America/Chicago');
  });

  it('waits for every place when the recipient could be in any of them (NY/NJ affiliate, unknown address)', () => {
    const places = [{ state: 'NY' }, { state: 'NJ' }];
    expect(isWithinAllWindows(at('2026-11-24T01:30:00Z'), places)).toBe(false); // 20:30: open in NY, closed in NJ
    expect(nextSendTimeForAll(at('2026-11-24T01:30:00Z'), places).toISOString()).toBe('2026-11-24T13:00:00.000Z'); // 08:00 EST
    const coast = [{ state: 'NY' }, { state: 'CA' }];
    expect(nextSendTimeForAll(at('2026-11-24T12:00:00Z'), coast).toISOString()).toBe('2026-11-24T16:00:00.000Z'); // 08:00 in LA
  });
});
