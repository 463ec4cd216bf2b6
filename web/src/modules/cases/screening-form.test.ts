import { describe, expect, it } from 'vitest';
import type { ScreeningDefinition } from '../../../../contracts/screening.ts';
import { localized, toAnswers, toValues, uiLang } from './screening-form.ts';

const labels = { ko: '질문', en: 'Question', es: 'Pregunta' };
const def: ScreeningDefinition = {
  version: 1,
  fields: [
    { key: 'when', kind: 'date', required: true, sensitive: false, labels },
    { key: 'traveled', kind: 'yes_no', required: true, sensitive: true, labels },
    { key: 'aNumber', kind: 'a_number', required: false, sensitive: true, labels },
  ],
};

describe('screening form state', () => {
  it('round-trips answers, leaving blanks out and turning yes/no into booleans', () => {
    const values = toValues(def, { when: '2026-01-02', traveled: false });
    expect(values).toEqual({ when: '2026-01-02', traveled: 'no', aNumber: '' });
    expect(toAnswers(def, { ...values, aNumber: '  ' })).toEqual({ when: '2026-01-02', traveled: false });
    expect(toAnswers(def, { when: '', traveled: 'yes', aNumber: 'A123456789' })).toEqual({ traveled: true, aNumber: 'A123456789' });
  });
  it('picks labels in the page language', () => {
    expect(localized(labels, uiLang('ko-KR'))).toBe('질문');
    expect(localized(labels, uiLang('fr'))).toBe('Question');
    expect(localized(undefined, 'es')).toBeUndefined();
  });
});
