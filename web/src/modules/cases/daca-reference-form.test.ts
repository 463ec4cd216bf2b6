import { describe, expect, it } from 'vitest';
import type { DacaReferenceVersion } from '../../../../contracts/daca.ts';
import { formFieldOf, formFromReference, parseDayList, referenceInputFromForm } from './daca-reference-form.ts';

const current: DacaReferenceVersion = {
  reminderDaysBefore: [180, 150, 120],
  filingWindow: { opensDaysBefore: 150, closesDaysBefore: 120 },
  uscisNoticeDaysBefore: 180,
  initialAfterExpiredDays: 365,
  fees: { i821d: 85, i765Paper: 520, i765Online: 470, currency: 'USD', effectiveFrom: '2024-04-01' },
  checkedOn: '2025-11-15',
  sources: ['https://www.uscis.gov/DACA', 'https://www.uscis.gov/g-1055'],
  sourceNote: 'Shipped',
  version: 3,
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: null,
};
const today = '2026-02-01';

describe('DACA reference form', () => {
  it('reads day lists with commas or spaces, and refuses anything else', () => {
    expect(parseDayList('180, 150, 120')).toEqual([180, 150, 120]);
    expect(parseDayList('180 150;120')).toEqual([180, 150, 120]);
    expect(parseDayList('180, 1.5')).toBeNull();
    expect(parseDayList('  ')).toBeNull();
  });
  it('round-trips the current version into the input the server takes', () => {
    const result = referenceInputFromForm(formFromReference(current), 3, today);
    expect(result).toEqual({ ok: true, input: { ...current, version: 3, validFrom: undefined, validUntil: undefined } });
  });
  it('accepts "$1,085" as whole dollars and names the field of each mistake', () => {
    const form = formFromReference(current);
    const ok = referenceInputFromForm({ ...form, i765Paper: '$1,085' }, 3, today);
    expect(ok.ok && ok.input.fees.i765Paper).toBe(1085);
    const fails: [Partial<typeof form>, string, string][] = [
      [{ reminderDaysBefore: '180, x' }, 'reminderDaysBefore', 'dayList'],
      [{ reminderDaysBefore: '120, 150' }, 'reminderDaysBefore', 'dayListOrder'],
      [{ reminderDaysBefore: '150, 150' }, 'reminderDaysBefore', 'dayListOrder'],
      [{ reminderDaysBefore: '150, 0' }, 'reminderDaysBefore', 'dayList'],
      [{ opensDaysBefore: '120' }, 'opensDaysBefore', 'windowOrder'],
      [{ closesDaysBefore: '0' }, 'closesDaysBefore', 'wholeNumber'],
      [{ i821d: '85.50' }, 'i821d', 'dollars'],
      [{ i765Online: '-1' }, 'i765Online', 'dollars'],
      [{ checkedOn: '2026-02-02' }, 'checkedOn', 'future'],
      [{ sources: ' ' }, 'sources', 'required'],
      [{ sourceNote: ' ' }, 'sourceNote', 'required'],
    ];
    for (const [patch, field, problem] of fails) expect(referenceInputFromForm({ ...form, ...patch }, 3, today), JSON.stringify(patch)).toEqual({ ok: false, field, problem });
  });
  it('maps the server’s field paths to the form’s inputs', () => {
    expect(formFieldOf('fees.i821d')).toBe('i821d');
    expect(formFieldOf('filingWindow.closesDaysBefore')).toBe('closesDaysBefore');
    expect(formFieldOf('reminderDaysBefore.1')).toBe('reminderDaysBefore');
    expect(formFieldOf('sources.0')).toBe('sources');
    expect(formFieldOf('version')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});
