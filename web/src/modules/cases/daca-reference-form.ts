import type { DacaReferenceInput, DacaReferenceVersion } from '../../../../contracts/daca.ts';

/**
 * The reference data's edit form as strings (what inputs hold) and back. The server checks
 * everything again; this catches what a person can fix before sending, naming the field.
 */
export interface ReferenceForm {
  reminderDaysBefore: string;
  opensDaysBefore: string;
  closesDaysBefore: string;
  uscisNoticeDaysBefore: string;
  initialAfterExpiredDays: string;
  i821d: string;
  i765Paper: string;
  i765Online: string;
  effectiveFrom: string;
  checkedOn: string;
  sources: string;
  sourceNote: string;
}
export type ReferenceField = keyof ReferenceForm;
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  'reminderDaysBefore', 'opensDaysBefore', 'closesDaysBefore', 'uscisNoticeDaysBefore', 'initialAfterExpiredDays',
  'i821d', 'i765Paper', 'i765Online', 'effectiveFrom', 'checkedOn', 'sources', 'sourceNote',
];

export function formFromReference(v: DacaReferenceVersion): ReferenceForm {
  return {
    reminderDaysBefore: v.reminderDaysBefore.join(', '),
    opensDaysBefore: String(v.filingWindow.opensDaysBefore),
    closesDaysBefore: String(v.filingWindow.closesDaysBefore),
    uscisNoticeDaysBefore: String(v.uscisNoticeDaysBefore),
    initialAfterExpiredDays: String(v.initialAfterExpiredDays),
    i821d: String(v.fees.i821d),
    i765Paper: String(v.fees.i765Paper),
    i765Online: String(v.fees.i765Online),
    effectiveFrom: v.fees.effectiveFrom,
    checkedOn: v.checkedOn,
    sources: v.sources.join('\n'),
    sourceNote: v.sourceNote,
  };
}

/** "180, 150, 120" (commas, spaces or both) → [180, 150, 120]; null when any part is not a whole number. */
export function parseDayList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

const wholeNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
/** "$85", "85", "1,085" → 85, 85, 1085 (whole dollars: USCIS fees have no cents). */
const dollars = (s: string) => wholeNumber(s.replace(/[$,\s]/g, ''));

export type ReferenceProblem = 'dayList' | 'dayListOrder' | 'wholeNumber' | 'dollars' | 'windowOrder' | 'required' | 'future';

export type FormResult = { ok: true; input: DacaReferenceInput } | { ok: false; field: ReferenceField; problem: ReferenceProblem };

export function referenceInputFromForm(f: ReferenceForm, version: number, today: string): FormResult {
  const fail = (field: ReferenceField, problem: ReferenceProblem): FormResult => ({ ok: false, field, problem });
  const days = parseDayList(f.reminderDaysBefore);
  if (!days || days.some((d) => d < 1)) return fail('reminderDaysBefore', 'dayList');
  if (days.some((d, i) => i > 0 && d >= days[i - 1])) return fail('reminderDaysBefore', 'dayListOrder');
  const numbers: Partial<Record<ReferenceField, number>> = {};
  for (const k of ['opensDaysBefore', 'closesDaysBefore', 'uscisNoticeDaysBefore', 'initialAfterExpiredDays'] as const) {
    const n = wholeNumber(f[k]);
    if (n === null || n < 1) return fail(k, 'wholeNumber');
    numbers[k] = n;
  }
  if (numbers.opensDaysBefore! <= numbers.closesDaysBefore!) return fail('opensDaysBefore', 'windowOrder');
  for (const k of ['i821d', 'i765Paper', 'i765Online'] as const) {
    const n = dollars(f[k]);
    if (n === null) return fail(k, 'dollars');
    numbers[k] = n;
  }
  if (!f.effectiveFrom) return fail('effectiveFrom', 'required');
  if (!f.checkedOn) return fail('checkedOn', 'required');
  if (f.checkedOn > today) return fail('checkedOn', 'future');
  const sources = f.sources.split(/\s+/).filter(Boolean);
  if (!sources.length) return fail('sources', 'required');
  if (!f.sourceNote.trim()) return fail('sourceNote', 'required');
  return {
    ok: true,
    input: {
      version,
      reminderDaysBefore: days,
      filingWindow: { opensDaysBefore: numbers.opensDaysBefore!, closesDaysBefore: numbers.closesDaysBefore! },
      uscisNoticeDaysBefore: numbers.uscisNoticeDaysBefore!,
      initialAfterExpiredDays: numbers.initialAfterExpiredDays!,
      fees: { i821d: numbers.i821d!, i765Paper: numbers.i765Paper!, i765Online: numbers.i765Online!, currency: 'USD', effectiveFrom: f.effectiveFrom },
      checkedOn: f.checkedOn,
      sources,
      sourceNote: f.sourceNote.trim(),
    },
  };
}

/**
 * The form input a server error belongs to: the server names fields by their path
 * ("fees.i821d", "filingWindow.closesDaysBefore", "reminderDaysBefore.1", "sources.0").
 */
export function formFieldOf(serverField: string | undefined): ReferenceField | null {
  if (!serverField) return null;
  const parts = serverField.split('.').filter((p) => !/^\d+$/.test(p));
  const leaf = parts[parts.length - 1];
  return (REFERENCE_FIELDS as readonly string[]).includes(leaf) ? (leaf as ReferenceField) : null;
}
