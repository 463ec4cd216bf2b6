import { describe, expect, it } from 'vitest';
import { CASE_TYPES } from '../../../contracts/cases.ts';
import { ScreeningDefinition, ScreeningField, ScreeningFormInput } from '../../../contracts/screening.ts';
import { missingRuleField, pureFindings, validateScreeningAnswers } from './screening-answers.ts';
import { defaultScreeningDefinition, DEFAULT_SCREENING_FIELDS, RULE_FIELDS } from './screening-form-defaults.ts';

const TODAY = '2026-06-15';
const labels = { ko: '질문', en: 'Question', es: 'Pregunta' };

describe('the definition schema', () => {
  it('accepts every shipped form, each keeping the fields its rules read', () => {
    for (const type of CASE_TYPES) {
      const def = defaultScreeningDefinition(type);
      expect(ScreeningDefinition.safeParse(def).success, type).toBe(true);
      expect(missingRuleField(type, def), type).toBeNull();
      for (const f of def.fields) for (const lang of ['ko', 'en', 'es'] as const) expect(f.labels[lang].trim(), `${type}.${f.key}.${lang}`).not.toBe('');
    }
  });

  it('collects the minimum: no free text in DACA, adoptee or naturalization forms; A-numbers always sensitive', () => {
    for (const type of ['daca_renewal', 'daca_initial', 'adoptee_citizenship', 'naturalization', 'tps', 'other'] as const) {
      expect(DEFAULT_SCREENING_FIELDS[type].filter((f) => f.kind === 'text'), type).toEqual([]);
    }
    expect(ScreeningField.safeParse({ key: 'aNumber', kind: 'a_number', required: false, sensitive: false, labels }).success).toBe(false);
  });

  it('refuses a choice without choices, choices on another kind, duplicate values and keys, and bad keys', () => {
    const bad = [
      { key: 'x', kind: 'choice', required: true, sensitive: false, labels },
      { key: 'x', kind: 'text', required: true, sensitive: false, labels, choices: [{ value: 'a', labels }, { value: 'b', labels }] },
      { key: 'x', kind: 'choice', required: true, sensitive: false, labels, choices: [{ value: 'a', labels }, { value: 'a', labels }] },
      { key: 'Bad key', kind: 'text', required: true, sensitive: false, labels },
      { key: 'x', kind: 'text', required: true, sensitive: false, labels: { ko: '질문', en: 'Question' } },
      { key: 'x', kind: 'number', required: true, sensitive: false, labels },
    ];
    for (const f of bad) expect(ScreeningField.safeParse(f).success, JSON.stringify(f)).toBe(false);
    const one = { key: 'x', kind: 'yes_no', required: true, sensitive: false, labels };
    expect(ScreeningFormInput.safeParse({ definition: { fields: [one, one] } }).success).toBe(false);
    expect(ScreeningFormInput.safeParse({ definition: { fields: [] } }).success).toBe(false);
    expect(ScreeningFormInput.safeParse({ definition: { fields: [one] } }).success).toBe(true);
  });

  it('names the rule field a new version dropped or changed the kind of', () => {
    const fields = DEFAULT_SCREENING_FIELDS.naturalization;
    expect(missingRuleField('naturalization', { fields: fields.filter((f) => f.key !== 'marriedToCitizen3Years') })).toBe('marriedToCitizen3Years');
    expect(missingRuleField('naturalization', { fields: fields.map((f) => (f.key === 'permanentResidentSince' ? { ...f, kind: 'text' as const } : f)) })).toBe('permanentResidentSince');
    expect(RULE_FIELDS.detention).toBeUndefined();
  });
});

describe('answer validation', () => {
  const daca = defaultScreeningDefinition('daca_renewal');
  const flags = { traveledSinceApproval: false, arrestedSinceApproval: false, convictedSinceApproval: false };

  it('keeps answered keys only, normalizes A-numbers and trims text', () => {
    const r = validateScreeningAnswers(defaultScreeningDefinition('detention'), { detainedPerson: 'parent', facility: '  Broadview  ', detainedOn: null, aNumber: 'a-123-456-789' }, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({ detainedPerson: 'parent', facility: 'Broadview', aNumber: 'A123456789' });
    for (const bad of ['12345678', 'A1234567890', 'B123456789', '123 456 789']) {
      expect(validateScreeningAnswers(defaultScreeningDefinition('detention'), { detainedPerson: 'self', aNumber: bad }, TODAY).problems, bad).toEqual([{ field: 'answers.aNumber', code: 'invalid_a_number' }]);
    }
  });

  it('refuses unknown keys, missing required answers and wrong kinds, in form order', () => {
    const r = validateScreeningAnswers(daca, { eadExpiresOn: '2027-01-01', traveledSinceApproval: 'yes', story: 'x' }, TODAY);
    expect(r.problems).toEqual([
      { field: 'answers.story', code: 'screening_unknown_field' },
      { field: 'answers.traveledSinceApproval', code: 'screening_answer_invalid' },
      { field: 'answers.arrestedSinceApproval', code: 'screening_answer_required' },
      { field: 'answers.convictedSinceApproval', code: 'screening_answer_required' },
    ]);
    expect(validateScreeningAnswers(daca, { eadExpiresOn: '  ', ...flags }, TODAY).problems).toEqual([{ field: 'answers.eadExpiresOn', code: 'screening_answer_required' }]);
  });

  it('checks dates with screening-dates.ts, naming the field', () => {
    const p = (def: ReturnType<typeof defaultScreeningDefinition>, answers: Record<string, string | boolean>) => validateScreeningAnswers(def, answers, TODAY).problems;
    expect(p(daca, { eadExpiresOn: '2027-02-30', ...flags })).toEqual([{ field: 'answers.eadExpiresOn', code: 'invalid_date' }]);
    expect(p(daca, { eadExpiresOn: '2026-01-01', lastApprovedOn: '2026-03-01', ...flags })).toEqual([{ field: 'answers.eadExpiresOn', code: 'expiry_before_approval' }]);
    expect(p(daca, { eadExpiresOn: '2011-01-01', ...flags })).toEqual([{ field: 'answers.eadExpiresOn', code: 'date_too_old' }]);
    expect(p(daca, { eadExpiresOn: '2028-01-01', lastApprovedOn: '2026-07-01', ...flags })).toEqual([{ field: 'answers.lastApprovedOn', code: 'date_in_future' }]);
    // An initial request may have no expiry: the approval is still checked on its own.
    const initial = defaultScreeningDefinition('daca_initial');
    expect(p(initial, { lastApprovedOn: '2020-01-01', ...flags })).toEqual([]);
    expect(p(initial, { lastApprovedOn: '2027-01-01', ...flags })).toEqual([{ field: 'answers.lastApprovedOn', code: 'date_in_future' }]);
    const adoptee = defaultScreeningDefinition('adoptee_citizenship');
    const rest = { entryVisaClass: 'IR-3', adoptionFinalized: true, lprBefore18: 'yes' };
    expect(p(adoptee, { birthDate: '2026-06-16', ...rest })).toEqual([{ field: 'answers.birthDate', code: 'date_in_future' }]);
    expect(p(adoptee, { birthDate: '1890-01-01', ...rest })).toEqual([{ field: 'answers.birthDate', code: 'date_too_old' }]);
    expect(p(defaultScreeningDefinition('naturalization'), { permanentResidentSince: '2030-01-01', marriedToCitizen3Years: true })).toEqual([{ field: 'answers.permanentResidentSince', code: 'date_in_future' }]);
    expect(p(defaultScreeningDefinition('detention'), { detainedPerson: 'self', detainedOn: '2026-06-20' })).toEqual([{ field: 'answers.detainedOn', code: 'date_in_future' }]);
  });

  it('draws findings without identifiers', () => {
    expect(pureFindings('naturalization', { permanentResidentSince: '2013-07-04', marriedToCitizen3Years: false }, TODAY)).toEqual({
      naturalization: { yearsRequired: 5, anniversaryOn: '2018-07-04', earliestFilingOn: '2018-04-05' },
    });
    expect(pureFindings('adoptee_citizenship', { birthDate: '1990-01-01', entryVisaClass: 'IR-3', adoptionFinalized: true, lprBefore18: 'yes' }, TODAY).adoptee).toEqual({
      likelyCovered: 'yes', reasons: ['under_18_on_or_after_cca', 'adoption_final_abroad', 'lpr_before_18'],
    });
    expect(pureFindings('daca_renewal', { traveledSinceApproval: true, traveledWithAdvanceParole: true, arrestedSinceApproval: false, convictedSinceApproval: false }, TODAY)).toEqual({ reviewNeeded: false });
    expect(pureFindings('daca_renewal', { traveledSinceApproval: true, arrestedSinceApproval: false, convictedSinceApproval: false }, TODAY)).toEqual({ reviewNeeded: true });
    expect(pureFindings('detention', { aNumber: 'A123456789' }, TODAY)).toEqual({});
  });
});
