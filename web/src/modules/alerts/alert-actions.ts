import type { Alert, AlertStatus, AlertVersion } from '../../../../contracts/alerts.ts';
import { canMoveAlert, type AlertMove } from '../../../../contracts/alert-workflow.ts';

// The workflow is shared with the server, which enforces it: contracts/alert-workflow.ts.
// The web only decides what to offer; a refusal from the server is still shown as it comes.

export interface AlertPermissions {
  write: boolean;
  approve: boolean;
}

/** The moves a person may ask for (start and finish belong to the scheduler and the sender). */
export type OfferedMove = Exclude<AlertMove, 'start' | 'finish'>;
export type AlertAction = OfferedMove | 'follow_up';

const MOVE_PERMISSION: Record<OfferedMove, keyof AlertPermissions> = {
  submit: 'write',
  return_to_draft: 'write',
  approve: 'approve',
  send: 'approve',
  schedule: 'approve',
  pause: 'approve',
  resume: 'approve',
  cancel: 'approve',
};

/** In the order the buttons appear. */
const ORDER: OfferedMove[] = ['submit', 'approve', 'send', 'schedule', 'pause', 'resume', 'return_to_draft', 'cancel'];

/** Something left for the carrier, so a correction or retraction has people to reach. */
export const sentSomething = (a: Pick<Alert, 'status' | 'startedAt'>) => a.status === 'sent' || (a.status === 'canceled' && a.startedAt !== null);

/** What the alert offers this person now. Approve is offered even when blocked: the button says why it is disabled. */
export function alertActions(a: Pick<Alert, 'status' | 'startedAt' | 'kind'>, can: AlertPermissions): AlertAction[] {
  const moves: AlertAction[] = ORDER.filter((m) => can[MOVE_PERMISSION[m]] && canMoveAlert(a.status, m));
  // A retraction is the last word: correcting a correction is fine, following a retraction is not.
  if (can.write && sentSomething(a) && a.kind !== 'retraction') moves.push('follow_up');
  return moves;
}

/** Which page an alert opens on. */
export type AlertView = 'compose' | 'review' | 'progress';
export function alertView(a: Pick<Alert, 'status' | 'startedAt'>): AlertView {
  if (a.status === 'draft') return 'compose';
  if (a.status === 'sending' || a.status === 'paused' || a.status === 'sent') return 'progress';
  return a.status === 'canceled' && a.startedAt !== null ? 'progress' : 'review';
}

/** The message key that explains a disabled Approve button (alerts namespace). */
export function approvalBlockedKey(reason: Alert['approvalBlockedReason']): string | null {
  return reason ? `approval.blocked.${reason}` : null;
}

/** The translation review buttons one language offers (POST …/versions/:lang/review). */
export type ReviewAction = 'needs_review' | 'approved';
export function reviewActions(status: AlertStatus, v: Pick<AlertVersion, 'status'>, can: AlertPermissions, hasText: boolean): ReviewAction[] {
  if (status !== 'draft' && status !== 'in_review') return [];
  const out: ReviewAction[] = [];
  if (can.write && v.status === 'draft' && hasText) out.push('needs_review');
  if (can.approve && v.status !== 'approved' && hasText) out.push('approved');
  return out;
}
