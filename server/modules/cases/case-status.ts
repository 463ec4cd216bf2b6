import type { CaseStatus, CaseType } from '../../../contracts/cases.ts';

/**
 * Where a case may go from where it is. Closing is possible from anywhere (a person stops
 * answering); reopening goes back to in_progress. "filed" means an application went to
 * USCIS or a court, so it only makes sense for types that file something.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['screening', 'in_progress', 'referred', 'closed'],
  screening: ['in_progress', 'referred', 'closed'],
  in_progress: ['screening', 'referred', 'filed', 'closed'],
  referred: ['in_progress', 'filed', 'closed'],
  filed: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

const FILES_SOMETHING: ReadonlySet<CaseType> = new Set(['daca_renewal', 'daca_initial', 'naturalization', 'tps', 'adoptee_citizenship', 'family_petition', 'detention']);

export function canMove(type: CaseType, from: CaseStatus, to: CaseStatus): boolean {
  if (to === 'filed' && !FILES_SOMETHING.has(type)) return false;
  return NEXT[from].includes(to);
}

/** The hotline's triage categories → the case type a one-click "open a case" starts with. */
export const TYPE_FROM_CATEGORY: Record<string, CaseType> = {
  daca_renewal: 'daca_renewal',
  daca_first: 'daca_initial',
  naturalization: 'naturalization',
  tps: 'tps',
  enforcement: 'detention',
  adoptee_citizenship: 'adoptee_citizenship',
  public_benefits: 'public_benefits',
  other: 'other',
};
