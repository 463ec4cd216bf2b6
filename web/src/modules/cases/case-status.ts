import type { CaseStatus, CaseType } from '../../../../contracts/cases.ts';
import { canMove } from '../../../../contracts/case-workflow.ts';
import { CASE_STATUSES } from './case-options.ts';

// The workflow is shared with the server, which enforces it: contracts/case-workflow.ts.
export { canMove };
/** The statuses a case of this type can move to now, in workflow order. */
export const nextStatuses = (type: CaseType, from: CaseStatus): CaseStatus[] => CASE_STATUSES.filter((to) => canMove(type, from, to));
