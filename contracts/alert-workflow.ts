/**
 * The alert workflow as plain data (no Zod, so the web bundle can import it too). The server
 * enforces it (server/modules/alerts); the web offers only these moves.
 * - Text and audience change only in draft; submitting freezes them for review.
 * - "send" from approved starts now, or at scheduledAt when one is set (→ scheduled).
 * - A paused alert hands nothing more to the outbox and takes back what waits there.
 * - Cancel is possible until the alert is sent; what already left cannot be recalled
 *   (that is what a correction or retraction is for).
 */
type Status = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'canceled';
export type AlertMove = 'submit' | 'return_to_draft' | 'approve' | 'send' | 'schedule' | 'start' | 'pause' | 'resume' | 'finish' | 'cancel';

const MOVES: Record<AlertMove, { from: readonly Status[]; to: Status }> = {
  submit: { from: ['draft'], to: 'in_review' },
  return_to_draft: { from: ['in_review', 'approved'], to: 'draft' },
  approve: { from: ['in_review'], to: 'approved' },
  send: { from: ['approved'], to: 'sending' },
  schedule: { from: ['approved', 'scheduled'], to: 'scheduled' },
  /** The scheduler's move when a scheduled alert is due. */
  start: { from: ['scheduled'], to: 'sending' },
  pause: { from: ['sending', 'scheduled'], to: 'paused' },
  resume: { from: ['paused'], to: 'sending' },
  /** The sender's move when every delivery has been handed over and left the outbox. */
  finish: { from: ['sending'], to: 'sent' },
  cancel: { from: ['draft', 'in_review', 'approved', 'scheduled', 'sending', 'paused'], to: 'canceled' },
};

export function canMoveAlert(from: Status, move: AlertMove): boolean {
  return MOVES[move].from.includes(from);
}
export function alertStatusAfter(move: AlertMove): Status {
  return MOVES[move].to;
}
export const EDITABLE_STATUSES: readonly Status[] = ['draft'];

/**
 * The two-person rule (enforced in the API): the author may not approve their own alert when
 * it goes network-wide (from the network office to every affiliate) or to more recipients than
 * the org's threshold.
 */
export function needsSecondPerson(q: { networkWide: boolean; recipients: number; threshold: number }): boolean {
  return q.networkWide || q.recipients > q.threshold;
}
