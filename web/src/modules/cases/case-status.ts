import type { CaseStatus, CaseType } from '../../../../contracts/cases.ts';
import { CASE_STATUSES } from './case-options.ts';

/**
 * Where a case may go from where it is: a copy of server/modules/cases/case-status.ts's
 * table, so the status control offers only moves the server accepts (the server still
 * decides; its translated error is shown if the two ever differ). case-status.test.ts
 * checks this copy against the server's canMove.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['screening', 'in_progress', 'referred', 'closed'],
  screening: ['in_progress', 'referred', 'closed'],
  in_progress: ['screening', 'referred', 'filed', 'closed'],
  referred: ['in_progress', 'filed', 'closed'],
  filed: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

/** "Filed" means an application went to USCIS or a court: only types that file something. */
const FILES_SOMETHING: ReadonlySet<CaseType> = new Set(['daca_renewal', 'daca_initial', 'naturalization', 'tps', 'adoptee_citizenship', 'family_petition', 'detention']);

export function canMove(type: CaseType, from: CaseStatus, to: CaseStatus): boolean {
  if (to === 'filed' && !FILES_SOMETHING.has(type)) return false;
  return NEXT[from].includes(to);
}

/** The statuses a case of this type can move to now, in workflow order. */
export const nextStatuses = (type: CaseType, from: CaseStatus): CaseStatus[] => CASE_STATUSES.filter((to) => canMove(type, from, to));
