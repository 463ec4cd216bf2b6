import type { CaseType } from '../../../contracts/cases.ts';
import type { ScreeningAnswers, ScreeningDefinition, ScreeningField, ScreeningFindings } from '../../../contracts/screening.ts';
import { ADOPTEE_VISA_CLASSES, type AdopteeVisaClass, adopteeCitizenshipScreen } from './adoptee-rules.ts';
import { earliestNaturalizationFiling } from './naturalization-rules.ts';
import { RULE_FIELDS } from './screening-form-defaults.ts';
import { checkBirthDate, checkDacaDates, checkLprDate, type DateProblem, isCalendarDate } from './screening-dates.ts';

/**
 * Pure checks of screening answers against the form version they were given on, and the
 * findings the rules draw from them. Problems name the answer's key (as `answers.<key>`),
 * in the form's field order, so the screen can put each beside its input.
 */

export type AnswerProblemCode =
  | DateProblem['code']
  | 'screening_unknown_field'
  | 'screening_answer_required'
  | 'screening_answer_invalid'
  | 'invalid_a_number';
export interface AnswerProblem {
  field: string;
  code: AnswerProblemCode;
}
/** Answers after checking: only answered keys, A-numbers as A + 9 digits, text trimmed. */
export type CleanAnswers = Record<string, string | boolean>;

const A_NUMBER_RE = /^A?-?\d{3}-?\d{3}-?\d{3}$/i;
const TEXT_MAX = 200;

export const answerPath = (key: string) => `answers.${key}`;

function checkKind(f: ScreeningField, value: string | boolean): { value?: string | boolean; code?: AnswerProblemCode } {
  switch (f.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? { value } : { code: 'screening_answer_invalid' };
    case 'date':
      if (typeof value !== 'string') return { code: 'screening_answer_invalid' };
      return isCalendarDate(value) ? { value } : { code: 'invalid_date' };
    case 'choice':
      return typeof value === 'string' && f.choices?.some((c) => c.value === value) ? { value } : { code: 'screening_answer_invalid' };
    case 'text': {
      if (typeof value !== 'string') return { code: 'screening_answer_invalid' };
      const v = value.trim();
      return v.length <= TEXT_MAX ? { value: v } : { code: 'screening_answer_invalid' };
    }
    case 'a_number': {
      if (typeof value !== 'string') return { code: 'screening_answer_invalid' };
      const v = value.trim();
      return A_NUMBER_RE.test(v) ? { value: `A${v.replace(/\D/g, '')}` } : { code: 'invalid_a_number' };
    }
  }
}

/**
 * Dates whose meaning the rules know get their own plausibility checks (screening-dates.ts);
 * any other past-tense date (detainedOn) must not lie ahead. A date field an affiliate added
 * itself is only checked for being a real day: it may be an upcoming hearing.
 */
function checkDates(a: CleanAnswers, today: string): AnswerProblem[] {
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const problems: AnswerProblem[] = [];
  const birth = str('birthDate');
  if (birth) problems.push(...checkBirthDate({ birthDate: birth, today }).map((p) => ({ ...p, field: 'birthDate' })));
  const lpr = str('permanentResidentSince');
  if (lpr) problems.push(...checkLprDate({ permanentResidentSince: lpr, today }));
  const detained = str('detainedOn');
  if (detained) problems.push(...checkLprDate({ permanentResidentSince: detained, today }).map((p) => ({ ...p, field: 'detainedOn' })));
  const expires = str('eadExpiresOn');
  const approved = str('lastApprovedOn');
  if (expires || approved) {
    // Without an expiry (an initial request), the approval is checked alone: the expiry slot
    // gets the approval itself, which compares equal, and its own problems are dropped.
    const rename = { expiresOn: 'eadExpiresOn', approvedOn: 'lastApprovedOn' } as Record<string, string>;
    const found = checkDacaDates({ expiresOn: expires ?? approved!, approvedOn: approved ?? null, today });
    problems.push(...found.filter((p) => expires || p.field !== 'expiresOn').map((p) => ({ ...p, field: rename[p.field] ?? p.field })));
  }
  return problems;
}

export function validateScreeningAnswers(def: ScreeningDefinition, answers: ScreeningAnswers, today: string): { answers: CleanAnswers; problems: AnswerProblem[] } {
  const known = new Set(def.fields.map((f) => f.key));
  const problems: AnswerProblem[] = Object.keys(answers)
    .filter((k) => !known.has(k))
    .sort()
    .map((k) => ({ field: k, code: 'screening_unknown_field' as const }));
  const clean: CleanAnswers = {};
  for (const f of def.fields) {
    const raw = answers[f.key];
    const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (f.required) problems.push({ field: f.key, code: 'screening_answer_required' });
      continue;
    }
    const checked = checkKind(f, raw);
    if (checked.code) problems.push({ field: f.key, code: checked.code });
    else clean[f.key] = checked.value!;
  }
  // Only well-formed dates reach the plausibility checks; a field keeps its first problem.
  const already = new Set(problems.map((p) => p.field));
  const dateFields = new Set(def.fields.filter((f) => f.kind === 'date').map((f) => f.key));
  for (const p of checkDates(clean, today)) {
    if (dateFields.has(p.field) && !already.has(p.field)) {
      problems.push(p);
      already.add(p.field);
    }
  }
  const order = new Map(def.fields.map((f, i) => [f.key, i]));
  problems.sort((x, y) => (order.get(x.field) ?? -1) - (order.get(y.field) ?? -1));
  return { answers: clean, problems: problems.map((p) => ({ ...p, field: answerPath(p.field) })) };
}

/** A new version must keep the fields the rules read (same key and kind): null when it does, else the missing key. */
export function missingRuleField(type: CaseType, def: Pick<ScreeningDefinition, 'fields'>): string | null {
  const needed = RULE_FIELDS[type] ?? {};
  for (const [key, kind] of Object.entries(needed)) {
    if (!def.fields.some((f) => f.key === key && f.kind === kind)) return key;
  }
  return null;
}

const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);

/**
 * Findings that need no database: naturalization's earliest filing day, the adoptee screen,
 * and whether a DACA history answer needs a lawyer's eyes (one flag, not which answer).
 * The DACA plan itself comes from setDaca, which also schedules the reminders.
 */
export function pureFindings(type: CaseType, a: CleanAnswers, today: string): ScreeningFindings {
  if (type === 'naturalization' && typeof a.permanentResidentSince === 'string') {
    const r = earliestNaturalizationFiling({ permanentResidentSince: a.permanentResidentSince, marriedToCitizen3Years: a.marriedToCitizen3Years === true });
    return { naturalization: { yearsRequired: r.yearsRequired, anniversaryOn: r.anniversaryOn, earliestFilingOn: r.earliestFilingOn } };
  }
  if (type === 'adoptee_citizenship' && typeof a.birthDate === 'string') {
    const visa = (ADOPTEE_VISA_CLASSES as readonly string[]).includes(String(a.entryVisaClass)) ? (a.entryVisaClass as AdopteeVisaClass) : 'unknown';
    const lpr = a.lprBefore18 === 'yes' ? true : a.lprBefore18 === 'no' ? false : bool(a.lprBefore18);
    const r = adopteeCitizenshipScreen({ birthDate: a.birthDate, entryVisaClass: visa, adoptionFinalized: bool(a.adoptionFinalized), lprBefore18: lpr, today });
    return { adoptee: { likelyCovered: r.likelyCovered, reasons: r.reasons } };
  }
  if (type === 'daca_renewal' || type === 'daca_initial') {
    const travelWithoutParole = a.traveledSinceApproval === true && a.traveledWithAdvanceParole !== true;
    return { reviewNeeded: a.arrestedSinceApproval === true || a.convictedSinceApproval === true || travelWithoutParole };
  }
  return {};
}
