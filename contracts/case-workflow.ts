/**
 * The case workflow as plain data (no Zod, so the web bundle can import it too): where a
 * case may go from where it is, and the case type a hotline triage category starts. The
 * server enforces it (server/modules/cases/work-case.ts); the web offers only these moves.
 * Closing is possible from anywhere (a person stops answering); reopening goes back to
 * in_progress. "filed" means an application went to USCIS or a court, so only types that
 * file something reach it.
 */
type Status = 'open' | 'screening' | 'in_progress' | 'referred' | 'filed' | 'closed';
type Type = 'daca_renewal' | 'daca_initial' | 'naturalization' | 'tps' | 'detention' | 'adoptee_citizenship' | 'family_petition' | 'public_benefits' | 'other';

const NEXT: Record<Status, readonly Status[]> = {
  open: ['screening', 'in_progress', 'referred', 'closed'],
  screening: ['in_progress', 'referred', 'closed'],
  in_progress: ['screening', 'referred', 'filed', 'closed'],
  referred: ['in_progress', 'filed', 'closed'],
  filed: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

const FILES_SOMETHING: ReadonlySet<Type> = new Set(['daca_renewal', 'daca_initial', 'naturalization', 'tps', 'adoptee_citizenship', 'family_petition', 'detention']);

export function canMove(type: Type, from: Status, to: Status): boolean {
  if (to === 'filed' && !FILES_SOMETHING.has(type)) return false;
  return NEXT[from].includes(to);
}

/** The hotline's triage categories → the case type a one-click "open a case" starts with. */
export const TYPE_FROM_CATEGORY: Record<'daca_renewal' | 'daca_first' | 'naturalization' | 'tps' | 'enforcement' | 'adoptee_citizenship' | 'public_benefits' | 'other', Type> = {
  daca_renewal: 'daca_renewal',
  daca_first: 'daca_initial',
  naturalization: 'naturalization',
  tps: 'tps',
  enforcement: 'detention',
  adoptee_citizenship: 'adoptee_citizenship',
  public_benefits: 'public_benefits',
  other: 'other',
};
