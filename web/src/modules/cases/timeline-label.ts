import type { CaseDetail } from '../../../../contracts/cases.ts';

type CaseEvent = CaseDetail['timeline'][number];

export interface LabelHelpers {
  /** Translate a key of the cases namespace. */
  t: (key: string, values?: Record<string, unknown>) => string;
  /** Whether the cases namespace has this key (the server may add event kinds or values before the web knows them). */
  has: (key: string) => boolean;
  date: (value: string) => string;
  taskTitle: (id: string) => string | undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * One timeline event in words. Values from the event's data are translated when the web
 * knows them and shown as they are otherwise; an unknown kind gets the generic label.
 */
export function timelineLabel(e: CaseEvent, h: LabelHelpers): string {
  const known = (prefix: string, value: unknown) => {
    const v = str(value);
    return v && h.has(`${prefix}.${v}`) ? h.t(`${prefix}.${v}`) : v || '—';
  };
  const task = () => h.taskTitle(str(e.data.taskId)) ?? h.t('timeline.someTask');
  switch (e.kind) {
    case 'opened':
      return h.t('timeline.kinds.opened', { type: known('types', e.data.type) });
    case 'note':
      return h.t('timeline.kinds.note', { kind: known('notes.kinds', e.data.kind) });
    case 'task_added':
      return h.t('timeline.kinds.task_added', { title: task() });
    case 'task_done':
      return h.t('timeline.kinds.task_done', { title: task() });
    case 'status':
      return h.t('timeline.kinds.status', { from: known('statuses', e.data.from), to: known('statuses', e.data.to) });
    case 'daca_dates':
      return h.t('timeline.kinds.daca_dates', { date: str(e.data.expiresOn) ? h.date(str(e.data.expiresOn)) : '—' });
    case 'screened':
      return h.t('timeline.kinds.screened', { version: typeof e.data.formVersion === 'number' ? e.data.formVersion : '—' });
    case 'referral_sent':
      return h.t('timeline.kinds.referral_sent', { provider: str(e.data.providerName) || h.t('timeline.someProvider') });
    case 'referral_declined':
      return h.t('timeline.kinds.referral_declined', { reason: known('referrals.declineReasons', e.data.reason) });
    case 'referral_consultation_scheduled':
      return h.t('timeline.kinds.referral_consultation_scheduled', { date: str(e.data.at) ? h.date(str(e.data.at)) : '—' });
    case 'referral_completed':
      return h.t('timeline.kinds.referral_completed', { outcome: known('referrals.outcomes', e.data.outcome) });
    case 'referral_conflict_cleared':
    case 'referral_accepted':
    case 'referral_withdrawn':
      return h.t(`timeline.kinds.${e.kind}`);
    default:
      // Kinds with no data worth showing (checked_in, daca_filed, clinic_review_requested) need only a label.
      return h.has(`timeline.kinds.${e.kind}`) ? h.t(`timeline.kinds.${e.kind}`) : h.t('timeline.kinds.other', { kind: e.kind });
  }
}
