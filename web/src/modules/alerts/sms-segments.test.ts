import { describe, expect, it } from 'vitest';
import { gsmSafeVariant as serverGsmSafe, segmentInfo } from '../../../../server/modules/messaging/segments.ts';
import { gsmSafeVariant, smsMeterState, smsSegments } from './sms-segments.ts';

/** The web's counts must be exactly the server's (which decides the price): same text, same answer. */
const SAMPLES = {
  korean: '긴급: DACA 갱신 신청이 계속 접수되고 있습니다. 자세한 내용은 단체에 문의하십시오.',
  koreanLong: '이민 정책이 바뀌었습니다. '.repeat(12),
  spanishAcute: 'Información: las renovaciones de DACA continúan. Llame a su organización más cercana.',
  spanishGsm: 'Las renovaciones de DACA siguen: llame hoy (niño, señor, pingüino, café).',
  englishCurly: 'Don’t sign anything you don’t understand. Call us first.',
  englishPlain: 'Know your rights: you may remain silent. Call 312-555-0100.',
  englishLong: 'Know your rights. '.repeat(12),
  extension: 'Cost: 5€ [approx] {maybe} ~ok | done^',
  empty: '',
  emoji: 'Stay safe 🙏',
  crlf: 'Line one\r\nLine two',
};

describe('SMS segments in the browser agree with the server', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`counts "${name}" like the server`, () => {
      expect(smsSegments(text)).toEqual(segmentInfo(text));
      expect(gsmSafeVariant(text)).toEqual(serverGsmSafe(text));
    });
  }

  it('calls Korean UCS-2 and warns past two segments only', () => {
    const short = smsMeterState(SAMPLES.korean, 'ko');
    expect(short.encoding).toBe('UCS-2');
    expect(short.segments).toBe(1);
    expect(short.koreanTooLong).toBe(false);
    expect(short.gsmSafe).toBeNull();
    const long = smsMeterState(SAMPLES.koreanLong, 'ko');
    expect(long.segments).toBeGreaterThan(2);
    expect(long.koreanTooLong).toBe(true);
    // The same length in English is not a Korean warning.
    expect(smsMeterState(SAMPLES.englishLong, 'en').koreanTooLong).toBe(false);
  });

  it('names á and the curly quote as the characters forcing UCS-2, and offers a GSM-7 variant', () => {
    const es = smsMeterState(SAMPLES.spanishAcute, 'es');
    expect(es.encoding).toBe('UCS-2');
    expect(es.nonGsmCharacters).toEqual(expect.arrayContaining(['ó', 'ú', 'á']));
    expect(es.gsmSafe).toBe('Informacion: las renovaciones de DACA continuan. Llame a su organizacion mas cercana.');
    expect(smsSegments(es.gsmSafe ?? '').encoding).toBe('GSM-7');
    const en = smsMeterState(SAMPLES.englishCurly, 'en');
    expect(en.nonGsmCharacters).toEqual(['’']);
    expect(en.gsmSafe).toBe("Don't sign anything you don't understand. Call us first.");
  });

  it('keeps é ñ ü in GSM-7 and offers no variant when nothing needs replacing', () => {
    const s = smsMeterState(SAMPLES.spanishGsm, 'es');
    expect(s.encoding).toBe('GSM-7');
    expect(s.gsmSafe).toBeNull();
  });

  it('counts characters left in the current segment', () => {
    expect(smsSegments('a'.repeat(150)).charactersLeft).toBe(10);
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, charactersLeft: 306 - 161 });
    expect(smsSegments('가'.repeat(71))).toMatchObject({ segments: 2, charactersLeft: 134 - 71 });
  });
});
