import { describe, expect, it } from 'vitest';
import { timelineLabel, type LabelHelpers } from './timeline-label.ts';

const strings: Record<string, string> = {
  'types.daca_renewal': 'DACA renewal',
  'statuses.open': 'Open',
  'statuses.screening': 'Screening',
  'notes.kinds.legal_advice': 'Legal advice',
  'timeline.someTask': 'a task',
  'timeline.someProvider': 'a provider',
  'referrals.outcomes.retained': 'Retained',
};
const h: LabelHelpers = {
  t: (key, values) => (strings[key] ?? key) + (values ? ` ${JSON.stringify(values)}` : ''),
  has: (key) => key in strings,
  date: (d) => `<${d}>`,
  taskTitle: (id) => (id === 't1' ? 'Call back' : undefined),
};
const ev = (kind: string, data: Record<string, unknown> = {}) => ({ id: '00000000-0000-4000-8000-000000000000', kind, at: '2026-01-01T00:00:00Z', actor: null, data });

describe('timeline labels', () => {
  it('translates known kinds and their values', () => {
    expect(timelineLabel(ev('opened', { type: 'daca_renewal' }), h)).toBe('timeline.kinds.opened {"type":"DACA renewal"}');
    expect(timelineLabel(ev('status', { from: 'open', to: 'screening' }), h)).toBe('timeline.kinds.status {"from":"Open","to":"Screening"}');
    expect(timelineLabel(ev('note', { kind: 'legal_advice' }), h)).toBe('timeline.kinds.note {"kind":"Legal advice"}');
    expect(timelineLabel(ev('daca_dates', { expiresOn: '2027-03-01' }), h)).toBe('timeline.kinds.daca_dates {"date":"<2027-03-01>"}');
  });

  it('names tasks by their title, or generically when the task is not in the case', () => {
    expect(timelineLabel(ev('task_added', { taskId: 't1' }), h)).toBe('timeline.kinds.task_added {"title":"Call back"}');
    expect(timelineLabel(ev('task_done', { taskId: 'gone' }), h)).toBe('timeline.kinds.task_done {"title":"a task"}');
  });

  it('tells the steps of a referral, naming the provider and translating codes', () => {
    expect(timelineLabel(ev('referral_sent', { providerName: 'Jiyeon Kim' }), h)).toBe('timeline.kinds.referral_sent {"provider":"Jiyeon Kim"}');
    expect(timelineLabel(ev('referral_sent'), h)).toBe('timeline.kinds.referral_sent {"provider":"a provider"}');
    expect(timelineLabel(ev('referral_accepted'), h)).toBe('timeline.kinds.referral_accepted');
    expect(timelineLabel(ev('referral_consultation_scheduled', { at: '2026-12-01T15:00:00Z' }), h)).toBe('timeline.kinds.referral_consultation_scheduled {"date":"<2026-12-01T15:00:00Z>"}');
    expect(timelineLabel(ev('referral_completed', { outcome: 'retained' }), h)).toBe('timeline.kinds.referral_completed {"outcome":"Retained"}');
    expect(timelineLabel(ev('referral_declined', { reason: 'new_code' }), h)).toBe('timeline.kinds.referral_declined {"reason":"new_code"}');
  });

  it('falls back for kinds and values the web does not know', () => {
    expect(timelineLabel(ev('screening_passed'), h)).toBe('timeline.kinds.other {"kind":"screening_passed"}');
    expect(timelineLabel(ev('status', { from: 'archived', to: 'open' }), h)).toBe('timeline.kinds.status {"from":"archived","to":"Open"}');
  });
});
